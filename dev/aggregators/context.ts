// What the handlers and push planners share: configuration, the clock and the sandbox's state.
import type { SandboxClock } from './clock'
import type { DeliveryQueue } from './deliveryQueue'
import type { FaultState } from './faultState'
import type { NumberLock, QpsWindow } from './rateLimits'
import type { StoryBook } from './stories'
import type { SubscriptionBook } from './subscriptions'

export interface KdniaoConfig {
  eBusinessId: string
  appKey: string
  pushUrl: string | null
  enabledCommands: ReadonlySet<string>
  /** Requests per second per account before 业务错误 (UNVERIFIED per plan; old doc: 10). */
  qps: number
  retryDelaysMs: readonly number[]
  timeoutMs: number
}

export interface Kuaidi100Config {
  customer: string
  key: string
  /** The key has expired: every call answers 601. */
  expired: boolean
  /** Remaining query units; null = unlimited. At 0 queries answer 601 没有可用单量. */
  queryQuota: number | null
  /** Companies that refuse subscriptions (returnCode 701). */
  refusedCompanies: ReadonlySet<string>
  retryDelaysMs: readonly number[]
  timeoutMs: number
}

export interface SandboxContext {
  clock: SandboxClock
  speed: number
  kdniao: KdniaoConfig
  kuaidi100: Kuaidi100Config
  stories: StoryBook
  subscriptions: SubscriptionBook
  deliveries: DeliveryQueue
  faults: FaultState
  kdniaoQps: QpsWindow
  kuaidi100Lock: NumberLock
}

export type HttpReply =
  | { kind: 'json'; status: number; body: unknown }
  /** Hold the request open until the outage ends, then answer `after`. */
  | { kind: 'hang'; after: HttpReply }

export function json(body: unknown, status = 200): HttpReply {
  return { kind: 'json', status, body }
}
