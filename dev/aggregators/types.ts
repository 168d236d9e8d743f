// The sandbox's public shape (DESIGN §5 tools and every pipeline test rely on these names).
import type { SandboxClock } from './clock'
import type { DeliveryAttempt } from './deliveryQueue'
import type { Faults, GlobalFaults } from './faults'
import type { AssignOptions } from './stories'
import type { Subscription } from './subscriptions'

export interface KdniaoOptions {
  eBusinessId: string
  appKey: string
  /** Where 101/102 pushes go (Kdniao's is console-configured, so it is sandbox configuration). */
  pushUrl?: string
  /** RequestTypes the account has a plan for; others answer 业务错误[没有可用套餐]. Default: all. */
  enabledCommands?: string[]
  /** Requests per second before the rate error (default 10, the old 1002 doc's figure). */
  qps?: number
  /** Retry delays after a failed push (UNVERIFIED; default 1 m, 5 m, 30 m, 2 h, 6 h). */
  retryDelaysMs?: number[]
  /** Push timeout (UNVERIFIED; default 5 s). */
  timeoutMs?: number
}

export interface Kuaidi100Options {
  customer: string
  key: string
  expired?: boolean
  queryQuota?: number
  refusedCompanies?: string[]
  /** Default: 3 retries, 35 minutes apart (official SDK comment). */
  retryDelaysMs?: number[]
  /** Default 20 s (Kuaidi100's timeout report). */
  timeoutMs?: number
}

export interface SandboxOptions {
  /** 0 = ephemeral (default); one HTTP server serves both vendors' paths. */
  port?: number
  /** Default: real time. Tests pass createManualClock(). */
  clock?: SandboxClock
  kdniao?: KdniaoOptions
  kuaidi100?: Kuaidi100Options
  /** Scenario time compression (scenario offsets, retry delays, abort timers are divided by it). */
  speed?: number
  /** Keep stories and subscriptions in this JSON file across restarts (the local stack); none in tests. */
  stateFile?: string
}

export interface Sandbox {
  /** http://127.0.0.1:<port> */
  url: string
  clock: SandboxClock
  /** Gives a number its story (and knobs); takes effect from the number's next first contact. */
  assignScenario(trackingNo: string, scenario: string, faults?: Faults, options?: AssignOptions): void
  /** Replaces the global knobs, including the vendor-API outage. */
  setFaults(faults: GlobalFaults): void
  /** Points Kdniao pushes somewhere else (null: stop pushing), e.g. once the receiver's port is known. */
  setKdniaoPushUrl(url: string | null): void
  /** Every push attempt, in the order they were made. */
  deliveries(): DeliveryAttempt[]
  subscriptions(): Subscription[]
  /** Runs everything already due and waits for it, deliveries included. */
  settle(): Promise<void>
  close(): Promise<void>
}
