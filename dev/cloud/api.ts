// What startDevCloud takes and gives (dev/cloud/README.md, "Programmatic API").
import type { CloudErrorCode } from './errors'
import type { DevCloudDb } from './directDb'
import type { TransferResult } from './exportImport'
import type { InvocationFault, OpenApiFault, WriteFault } from './faults'
import type { DataDirLock } from './lock'
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
  /** Keeps the data in this directory: a JSONL op-log, replayed on start; one process per dir (a lock). */
  persistDir?: string
  /** Flush each acknowledged write to the disk (survives power loss). Off by default; npm start turns it on. */
  fsync?: boolean
  /** A lock on persistDir the caller already holds (lockDataDir); the caller releases it after close(). */
  dataDirLock?: DataDirLock
  /** Compact the op-log at run time once it has grown by this much (default 64 MiB). */
  compactAfterBytes?: number
  /** Start from this export (exportImport.ts), replacing whatever the persist dir held. */
  importDir?: string
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

export interface Caller {
  openid?: string
  source?: string
}

export interface DevCloudFaults {
  /** Refuse writes (optionally to one collection) for the next `count` writes and/or until `until` (devcloud clock). */
  failWrites(spec: WriteFault): void
  /** The function host refuses invocations for the next `count` calls and/or until `until`. */
  rejectInvocations(spec: InvocationFault): void
  /** Answers the next `times` (default 1) calls of one 云调用 API with `errcode` instead of WeChat's answer. */
  failOpenApi(spec: OpenApiFault): void
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
  /** The persist dir, or null when the data lives only in memory. */
  dataDir: string | null
  /** Writes every env's documents to `dir` as JSON lines (replacing an earlier export there). */
  exportData(dir: string): Promise<TransferResult>
  /** Replaces all data with an export's, after checking all of it; `intoEnv` loads a one-env export under another env id. */
  importData(dir: string, options?: { intoEnv?: string }): Promise<TransferResult>
  openApiCalls(): OpenApiCall[]
  faults: DevCloudFaults
  /** Settles in-flight requests, invocations and realtime pushes. */
  idle(): Promise<void>
  reset(): Promise<void>
  close(): Promise<void>
}

/** A rejected invoke(): the platform's failure, with the errCode a page's callFunction reports. */
export class InvokeError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
    readonly errCode: number,
  ) {
    super(`cloud.callFunction:fail ${errCode} ${message}`)
    this.name = 'InvokeError'
  }
}
