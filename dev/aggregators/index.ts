// Local Kdniao + Kuaidi100 sandboxes that behave like the vendors on the wire (README.md here).
import { z } from 'zod'
import { adminRoutes } from './adminRoutes'
import { createRealClock } from './clock'
import type { SandboxContext } from './context'
import { DEV_KDNIAO, DEV_KUAIDI100 } from './credentials'
import { DeliveryQueue } from './deliveryQueue'
import { FaultState } from './faultState'
import { faultsSchema } from './faults'
import { handleKdniaoQuery, handleKdniaoSubscribe, KDNIAO_QUERY_PATH, KDNIAO_SUBSCRIBE_PATH } from './kdniaoHandlers'
import { kdniaoFailure } from './kdniaoEnvelope'
import { KdniaoPusher } from './kdniaoPushes'
import { KDNIAO_REASONS } from './kdniaoReasons'
import {
  handleKuaidi100AutoNumber,
  handleKuaidi100Query,
  handleKuaidi100Subscribe,
  KUAIDI100_AUTONUMBER_PATH,
  KUAIDI100_QUERY_PATH,
  KUAIDI100_SUBSCRIBE_PATH,
} from './kuaidi100Handlers'
import { Kuaidi100Pusher } from './kuaidi100Pushes'
import { KUAIDI100_MESSAGES, kuaidi100Failure } from './kuaidi100Replies'
import { NumberLock, QpsWindow } from './rateLimits'
import { startServer, type Route } from './server'
import { restoreSandboxState, saveSandboxState } from './stateFile'
import { StoryBook } from './stories'
import { SubscriptionBook } from './subscriptions'
import type { Sandbox, SandboxOptions } from './types'

export { createManualClock, createRealClock } from './clock'
export type { ManualClock, SandboxClock } from './clock'
export { DEFAULT_SANDBOX_PORT, DEV_KDNIAO, DEV_KUAIDI100, DEV_KUAIDI100_SALT } from './credentials'
export type { AttemptOutcome, DeliveryAttempt } from './deliveryQueue'
export type { Faults, GlobalFaults } from './faults'
export { SCENARIOS, defaultScenarioName } from './scenarios'
export type { AssignOptions } from './stories'
export type { Subscription, SubscriptionState } from './subscriptions'
export type { KdniaoOptions, Kuaidi100Options, Sandbox, SandboxOptions } from './types'
export { KDNIAO_QUERY_PATH, KDNIAO_SUBSCRIBE_PATH, KUAIDI100_AUTONUMBER_PATH, KUAIDI100_QUERY_PATH, KUAIDI100_SUBSCRIBE_PATH }

const MINUTE_MS = 60_000
const ALL_KDNIAO_COMMANDS = ['1002', '8001', '8002', '2002', '8008', '1008']
const pushUrl = z.string().refine((url) => {
  try {
    return new URL(url).protocol === 'http:'
  } catch {
    return false
  }
}, 'an http:// URL')

const assignOptionsSchema = z.strictObject({
  phoneTail: z
    .string()
    .regex(/^\d{4}$/, 'four digits')
    .optional(),
  startedMinutesAgo: z.number().nonnegative().optional(),
})

const optionsSchema = z.strictObject({
  port: z.number().int().min(0).max(65535).default(0),
  speed: z.number().positive().default(1),
  stateFile: z.string().min(1).optional(),
  kdniao: z
    .strictObject({
      eBusinessId: z.string().min(1),
      appKey: z.string().min(1),
      pushUrl: pushUrl.optional(),
      enabledCommands: z.array(z.string()).default(ALL_KDNIAO_COMMANDS),
      qps: z.number().int().positive().default(10),
      retryDelaysMs: z.array(z.number().int().nonnegative()).default([1, 5, 30, 120, 360].map((m) => m * MINUTE_MS)),
      timeoutMs: z.number().int().positive().default(5000),
    })
    .default({
      ...DEV_KDNIAO,
      enabledCommands: ALL_KDNIAO_COMMANDS,
      qps: 10,
      retryDelaysMs: [1, 5, 30, 120, 360].map((m) => m * MINUTE_MS),
      timeoutMs: 5000,
    }),
  kuaidi100: z
    .strictObject({
      customer: z.string().min(1),
      key: z.string().min(1),
      expired: z.boolean().default(false),
      queryQuota: z.number().int().nonnegative().optional(),
      refusedCompanies: z.array(z.string()).default([]),
      retryDelaysMs: z.array(z.number().int().nonnegative()).default([35, 35, 35].map((m) => m * MINUTE_MS)),
      timeoutMs: z.number().int().positive().default(20_000),
    })
    .default({
      ...DEV_KUAIDI100,
      expired: false,
      refusedCompanies: [],
      retryDelaysMs: [35, 35, 35].map((m) => m * MINUTE_MS),
      timeoutMs: 20_000,
    }),
})

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { clock: givenClock, ...rest } = options
  const config = optionsSchema.parse(rest)
  const clock = givenClock ?? createRealClock()
  const faults = new FaultState(clock)
  const context: SandboxContext = {
    clock,
    speed: config.speed,
    kdniao: { ...config.kdniao, pushUrl: config.kdniao.pushUrl ?? null, enabledCommands: new Set(config.kdniao.enabledCommands) },
    kuaidi100: {
      ...config.kuaidi100,
      queryQuota: config.kuaidi100.queryQuota ?? null,
      refusedCompanies: new Set(config.kuaidi100.refusedCompanies),
    },
    stories: new StoryBook(config.speed),
    subscriptions: new SubscriptionBook(),
    deliveries: new DeliveryQueue(clock, config.speed),
    faults,
    kdniaoQps: new QpsWindow(config.kdniao.qps),
    kuaidi100Lock: new NumberLock(),
  }
  const kdniaoPusher = new KdniaoPusher(context)
  const kuaidi100Pusher = new Kuaidi100Pusher(context)
  const { stateFile } = config
  if (stateFile) restoreSandboxState(stateFile, context, { kdniao: kdniaoPusher, kuaidi100: kuaidi100Pusher })
  const persist = () => {
    if (stateFile) saveSandboxState(stateFile, context)
  }
  const kdniaoBusy = kdniaoFailure(context, KDNIAO_REASONS.busy)
  const handlers: Route[] = [
    { method: 'POST', path: KDNIAO_QUERY_PATH, vendor: 'kdniao', busy: kdniaoBusy, handle: (body) => handleKdniaoQuery(context, body) },
    {
      method: 'POST',
      path: KDNIAO_SUBSCRIBE_PATH,
      vendor: 'kdniao',
      busy: kdniaoBusy,
      handle: (body) => handleKdniaoSubscribe(context, kdniaoPusher, body),
    },
    {
      method: 'POST',
      path: KUAIDI100_QUERY_PATH,
      vendor: 'kuaidi100',
      busy: kuaidi100Failure('502', KUAIDI100_MESSAGES['502']),
      handle: (body) => handleKuaidi100Query(context, body),
    },
    {
      method: 'POST',
      path: KUAIDI100_SUBSCRIBE_PATH,
      vendor: 'kuaidi100',
      busy: kuaidi100Failure('500', KUAIDI100_MESSAGES.poll['500']),
      handle: (body) => handleKuaidi100Subscribe(context, kuaidi100Pusher, body),
    },
    {
      method: 'POST',
      path: KUAIDI100_AUTONUMBER_PATH,
      vendor: 'kuaidi100',
      busy: kuaidi100Failure('502', KUAIDI100_MESSAGES['502']),
      handle: (_body, query) => handleKuaidi100AutoNumber(context, query),
    },
    ...adminRoutes(() => sandbox),
  ]
  const routes = handlers.map((route): Route => ({ ...route, handle: persistingAfter(route.handle, persist) }))
  const server = await startServer(routes, faults, config.port)
  let closed = false
  const sandbox: Sandbox = {
    url: server.url,
    clock,
    assignScenario: (trackingNo, scenario, numberFaults, assignOptions) => {
      context.stories.assign(
        z.string().min(1).parse(trackingNo),
        scenario,
        faultsSchema.optional().parse(numberFaults),
        assignOptionsSchema.parse(assignOptions ?? {}),
      )
      persist()
    },
    setFaults: (input) => faults.set(input),
    setKdniaoPushUrl: (url) => {
      context.kdniao.pushUrl = url === null ? null : pushUrl.parse(url)
    },
    deliveries: () => context.deliveries.attempts(),
    subscriptions: () => context.subscriptions.all(),
    settle: () => clock.settle(),
    close: async () => {
      if (closed) return
      closed = true
      clock.stop()
      await server.close()
      persist()
    },
  }
  return sandbox
}

/** Saves the state after every request (stories start and subscriptions change only in requests). */
function persistingAfter(handle: Route['handle'], persist: () => void): Route['handle'] {
  return (body, query) => {
    const reply = handle(body, query)
    persist()
    return reply
  }
}
