// The local CloudBase ("devcloud"): what cloud functions, pages and tests run against. See README.md.
import type { AddressInfo } from 'node:net'
import { deepClone } from './clone'
import { seedDemoData } from '../seed'
import { SAFE_ENV, type ActionDeps } from './actions'
import type { AdminRestDeps } from './adminApi'
import { DEFAULT_CONFIG_DIR, DEFAULT_FUNCTIONS_DIR, loadCloudbaseConfig, type TimerTrigger } from './config'
import { timerEventTime } from './cron'
import { isPlainObject, type Doc } from './ejson'
import { installEnvProxy } from './envProxy'
import { ERR_CODE_OF, fail, ok, type CloudErrorCode, type CloudResult } from './errors'
import { FaultState, type InvocationFault, type WriteFault } from './faults'
import { DEV_APPID, FunctionHost } from './functionHost'
import type { OpenApiCall } from './openApi'
import { OpLog } from './persistence'
import { RealtimeServer } from './realtime'
import { TimerScheduler } from './scheduler'
import { DevCloudServer } from './server'
import { Store } from './store'
import { createDirectDb, type DevCloudDb } from './directDb'
import { Transactions } from './transactions'

export type { Doc } from './ejson'
export type { DevCloudDb } from './directDb'
export type { OpenApiCall } from './openApi'

export interface StartDevCloudOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  /** Must start with `dev-` or `test-`; defaults to `dev-local`. */
  envId?: string
  functionsDir?: string
  /** Holds rules/<collection>.json and httpAccess.json; defaults to <repo>/cloudbase. */
  configDir?: string
  /** Enables the JSONL op-log in this directory (replayed on start). */
  persistDir?: string
  now?: () => number
  /** Environment variables every function sees (aggregator credentials…). */
  functionEnv?: Record<string, string>
  /** Fire timer triggers on the real clock (CLI). Off by default: call tickTimers()/fireTimer(). */
  timers?: boolean
  /** Run seedDemoData() after start. */
  seed?: boolean
  /** CLI mode: functions also see this process's environment. */
  inheritProcessEnv?: boolean
  /** Print function failures to stderr (CLI). */
  logFailures?: boolean
}

export interface Caller { openid?: string; source?: string }

export interface DevCloudFaults {
  /** Refuse writes (optionally to one collection) for the next `count` writes and/or until `until` (devcloud clock). */
  failWrites(spec: WriteFault): void
  /** The function host refuses invocations for the next `count` calls and/or until `until`. */
  rejectInvocations(spec: InvocationFault): void
  /** Cuts every realtime connection now; clients reconnect and rebuild their watches. Returns how many. */
  dropRealtimeConnections(): number
  clear(): void
}

export interface DevCloud {
  url: string
  envId: string
  /** Calls a function as a page would (SOURCE wx_client); rejects as a failed callFunction would. */
  invoke<T>(name: string, data?: unknown, caller?: Caller): Promise<T>
  /** Fires the function's timer trigger now; rejects if it has none or the run failed. */
  fireTimer(functionName: string): Promise<void>
  /** Fires every trigger that is due on the devcloud clock; resolves with `function/trigger` names. */
  tickTimers(): Promise<string[]>
  db: DevCloudDb
  openApiCalls(): OpenApiCall[]
  faults: DevCloudFaults
  /** Settles in-flight requests, invocations and realtime pushes. */
  idle(): Promise<void>
  reset(): Promise<void>
  close(): Promise<void>
}

/** A rejected invoke(): the platform's failure, with the errCode a page's callFunction reports. */
export class InvokeError extends Error {
  constructor(readonly code: CloudErrorCode, message: string, readonly errCode: number) {
    super(`cloud.callFunction:fail ${errCode} ${message}`)
    this.name = 'InvokeError'
  }
}

const REGION = 'ap-shanghai'

export async function startDevCloud(options: StartDevCloudOptions = {}): Promise<DevCloud> {
  const envId = options.envId ?? 'dev-local'
  if (!SAFE_ENV.test(envId)) throw new Error(`envId "${envId}" must start with dev- or test- (devcloud never pretends to be a production env)`)
  const now = options.now ?? Date.now
  const host = options.host ?? '127.0.0.1'
  const functionsDir = options.functionsDir ?? DEFAULT_FUNCTIONS_DIR
  const config = loadCloudbaseConfig(options.configDir ?? DEFAULT_CONFIG_DIR)

  const store = new Store([...config.rules.keys()])
  const faults = new FaultState(now)
  store.setWriteGuard((commit) => faults.refuseWrite(commit))
  const oplog = options.persistDir === undefined ? undefined : OpLog.open(options.persistDir, store).log
  store.setJournal(oplog)
  const transactions = new Transactions(store)
  const realtime = new RealtimeServer({ store, rulesOf: (_env, collection) => config.rules.get(collection), now })
  let baseUrl = ''
  const functions = new FunctionHost({
    functionsDir,
    adminUrl: () => `${baseUrl}/admin`,
    region: REGION,
    functionEnv: options.functionEnv ?? {},
    inheritProcessEnv: options.inheritProcessEnv ?? false,
    refusal: () => faults.refuseInvocation(),
    logFailures: options.logFailures ?? false,
  })
  const uninstallEnv = installEnvProxy()
  const openApiCalls: OpenApiCall[] = []

  const invokeAsClient = (name: string, data: unknown, caller: Caller = {}) => {
    const event = caller.openid === undefined || !isPlainObject(data ?? {}) ? data : { ...(data as Doc), userInfo: { appId: DEV_APPID, openId: caller.openid } }
    return functions.invoke({ name, env: envId, event: event ?? {}, source: caller.source ?? 'wx_client', openid: caller.openid })
  }
  const fireTrigger = (name: string, trigger: TimerTrigger, at: number) => functions.invoke({
    name, env: envId, source: 'wx_trigger', timer: true, event: { Type: 'timer', TriggerName: trigger.name, Time: timerEventTime(at), Message: '' },
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
      if (!run.ok && options.logFailures) console.error(`[devcloud] timer ${name}/${trigger.name}: ${run.message}`)
    },
  })

  const server: DevCloudServer = new DevCloudServer({
    actions: {
      store, transactions, functions, realtime, rules: config.rules, openApiCalls, now, defaultEnv: envId,
      wsUrl: () => `${baseUrl.replace(/^http/, 'ws')}/ws`,
    } satisfies ActionDeps,
    admin: {
      invoke: (name, data, openid) => invokeAsClient(name, data, { openid }),
      getDoc: (collection, id) => (store.hasCollection(envId, collection) ? store.get(envId, collection, id) : 'no-collection'),
      listDocs: (collection) => (store.hasCollection(envId, collection) ? store.scan(envId, collection) : 'no-collection'),
      reset: () => devcloud.reset(),
      fireTimer: fireTimerNow,
      failWrites: (spec) => faults.failWrites(spec),
      rejectInvocations: (spec) => faults.rejectInvocations(spec),
      dropRealtimeConnections: () => realtime.dropConnections(),
      clearFaults: () => faults.clear(),
      openApiCalls: () => openApiCalls,
    } satisfies AdminRestDeps,
    functions,
    realtime,
    routes: config.routes,
    envId,
  })
  await new Promise<void>((resolve, reject) => {
    server.http.once('error', reject)
    server.http.listen(options.port ?? 0, host, () => resolve())
  })
  baseUrl = `http://${host}:${(server.http.address() as AddressInfo).port}`

  let closed = false

  const devcloud: DevCloud = {
    url: baseUrl,
    envId,
    async invoke<T>(name: string, data?: unknown, caller?: Caller): Promise<T> {
      const result = await invokeAsClient(name, data ?? {}, caller)
      if (!result.ok) throw new InvokeError(result.code, result.message, result.errCode ?? ERR_CODE_OF[result.code])
      return result.value as T
    },
    async fireTimer(functionName) {
      const fired = await fireTimerNow(functionName)
      if (!fired.ok) throw new InvokeError(fired.code, fired.message, fired.errCode ?? ERR_CODE_OF[fired.code])
    },
    tickTimers: () => scheduler.tick(),
    db: createDirectDb(store, envId),
    openApiCalls: () => openApiCalls.map((call) => deepClone(call)),
    faults: {
      failWrites: (spec) => faults.failWrites(spec),
      rejectInvocations: (spec) => faults.rejectInvocations(spec),
      dropRealtimeConnections: () => realtime.dropConnections(),
      clear: () => faults.clear(),
    },
    async idle() {
      // Requests start invocations, invocations make requests, writes queue pushes: settle until quiet.
      for (let round = 0; round < 100; round += 1) {
        await server.idle()
        await functions.idle()
        await new Promise((resolve) => setImmediate(resolve))
        await realtime.idle()
        await new Promise((resolve) => setImmediate(resolve))
        if (server.quiet() && functions.quiet() && realtime.quiet()) return
      }
    },
    async reset() {
      store.reset()
      transactions.clear()
      realtime.reset()
      faults.clear()
      openApiCalls.length = 0
    },
    async close() {
      if (closed) return
      closed = true
      scheduler.stop()
      await functions.idle()
      // Bounded: a function stuck forever must not keep the emulator from closing.
      if (!await functions.drainExecutions(10_000)) console.warn('[devcloud] closing with a function still running past its timeout')
      await realtime.close()
      server.http.closeAllConnections()
      await new Promise<void>((resolve) => server.http.close(() => resolve()))
      oplog?.close()
      uninstallEnv()
    },
  }
  if (options.timers) scheduler.start()
  if (options.seed) await seedDemoData(devcloud)
  return devcloud
}
