// How the devcloud starts a function: as a page would (a client call, OPENID stamped into the event)
// or as a timer trigger (on demand, or when the scheduler finds it due on the devcloud clock).
import type { Caller } from './api'
import type { TimerTrigger } from './config'
import { timerEventTime } from './cron'
import { isPlainObject, type Doc } from './ejson'
import { fail, ok, type CloudResult } from './errors'
import { DEV_APPID, type FunctionHost } from './functionHost'
import { TimerScheduler } from './scheduler'

export interface InvocationDeps {
  functions: FunctionHost
  functionsDir: string
  envId: string
  now: () => number
  logFailures: boolean
}

export interface Invocations {
  asClient(name: string, data: unknown, caller?: Caller): Promise<CloudResult<unknown>>
  fireTimerNow(name: string): Promise<CloudResult<{ trigger: string }>>
  scheduler: TimerScheduler
}

export function createInvocations({ functions, functionsDir, envId, now, logFailures }: InvocationDeps): Invocations {
  const asClient = (name: string, data: unknown, caller: Caller = {}) => {
    const event =
      caller.openid === undefined || !isPlainObject(data ?? {})
        ? data
        : { ...(data as Doc), userInfo: { appId: DEV_APPID, openId: caller.openid } }
    return functions.invoke({ name, env: envId, event: event ?? {}, source: caller.source ?? 'wx_client', openid: caller.openid })
  }
  const fireTrigger = (name: string, trigger: TimerTrigger, at: number) =>
    functions.invoke({
      name,
      env: envId,
      source: 'wx_trigger',
      timer: true,
      event: { Type: 'timer', TriggerName: trigger.name, Time: timerEventTime(at), Message: '' },
    })
  const fireTimerNow = async (name: string): Promise<CloudResult<{ trigger: string }>> => {
    const fnConfig = functions.config(name)
    if (!fnConfig.ok) return fnConfig
    const trigger = fnConfig.value.timers[0]
    if (!trigger) return fail('FUNCTIONS_REQUEST_FAIL', `${name} has no timer trigger in its config.json`)
    const run = await fireTrigger(name, trigger, now())
    return run.ok ? ok({ trigger: trigger.name }) : run
  }
  const scheduler = new TimerScheduler({
    functionsDir,
    now,
    timersOf: (name) => {
      const fnConfig = functions.config(name)
      return fnConfig.ok ? fnConfig.value.timers : []
    },
    fire: async (name, trigger, at) => {
      const run = await fireTrigger(name, trigger, at)
      if (!run.ok && logFailures) console.error(`[devcloud] timer ${name}/${trigger.name}: ${run.message}`)
    },
  })
  return { asClient, fireTimerNow, scheduler }
}
