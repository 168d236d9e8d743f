// What startDevCloud takes and gives (dev/cloud/README.md, "Programmatic API").
import type { CloudErrorCode } from './errors'
import type { DevCloudDb } from './directDb'
import type { InvocationFault, WriteFault } from './faults'
import type { OpenApiCall } from './openApi'

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
