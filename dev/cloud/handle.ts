// The DevCloud a caller holds: thin wrappers over the running parts, plus the settle/reset/close
// order they need (requests start invocations, invocations make requests, writes queue pushes).
import * as path from 'node:path'
import { InvokeError, type DevCloud } from './api'
import { deepClone } from './clone'
import { createDirectDb } from './directDb'
import { ERR_CODE_OF } from './errors'
import { applyImport, readExport, writeExport } from './exportImport'
import type { FaultState } from './faults'
import type { FunctionHost } from './functionHost'
import type { Invocations } from './invocations'
import type { OpenApiCall } from './openApi'
import type { RealtimeServer } from './realtime'
import type { DevCloudServer } from './server'
import type { Store } from './store'
import type { Transactions } from './transactions'

export interface DevCloudParts {
  url: string
  envId: string
  store: Store
  transactions: Transactions
  realtime: RealtimeServer
  faults: FaultState
  functions: FunctionHost
  invocations: Invocations
  server: DevCloudServer
  openApiCalls: OpenApiCall[]
  dataDir: string | null
  now: () => number
  /** Runs last on close (the op-log, the env proxy). */
  release(): void
}

const SETTLE_ROUNDS = 100
/** A function stuck forever must not keep the emulator from closing. */
const CLOSE_DRAIN_MS = 10_000

export function devCloudHandle(parts: DevCloudParts): DevCloud {
  const { store, transactions, realtime, faults, functions, invocations, server, openApiCalls } = parts
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
  let closed = false
  const reset = async () => {
    store.reset()
    transactions.clear()
    realtime.reset()
    faults.clear()
    openApiCalls.length = 0
  }
  return {
    url: parts.url,
    envId: parts.envId,
    async invoke<T>(name: string, data?: unknown, caller?: { openid?: string; source?: string }): Promise<T> {
      const result = await invocations.asClient(name, data ?? {}, caller)
      if (!result.ok) throw new InvokeError(result.code, result.message, result.errCode ?? ERR_CODE_OF[result.code])
      return result.value as T
    },
    async fireTimer(functionName) {
      const fired = await invocations.fireTimerNow(functionName)
      if (!fired.ok) throw new InvokeError(fired.code, fired.message, fired.errCode ?? ERR_CODE_OF[fired.code])
    },
    tickTimers: () => invocations.scheduler.tick(),
    db: createDirectDb(store, parts.envId),
    openApiCalls: () => openApiCalls.map((call) => deepClone(call)),
    faults: {
      failWrites: (spec) => faults.failWrites(spec),
      rejectInvocations: (spec) => faults.rejectInvocations(spec),
      failOpenApi: (spec) => faults.failOpenApi(spec),
      dropRealtimeConnections: () => realtime.dropConnections(),
      clear: () => faults.clear(),
    },
    async idle() {
      for (let round = 0; round < SETTLE_ROUNDS; round += 1) {
        await server.idle()
        await functions.idle()
        await nextTurn()
        await realtime.idle()
        await nextTurn()
        if (server.quiet() && functions.quiet() && realtime.quiet()) return
      }
    },
    reset,
    dataDir: parts.dataDir,
    exportData: async (dir) => writeExport(store, dir, new Date(parts.now())),
    async importData(dir, options = {}) {
      const read = readExport(dir)
      if (!read.ok) return read
      await reset()
      const imported = applyImport(store, read.data, options.intoEnv)
      return imported.ok ? { ok: true, summary: { ...imported.summary, dir: path.resolve(dir) } } : imported
    },
    async close() {
      if (closed) return
      closed = true
      invocations.scheduler.stop()
      await functions.idle()
      if (!(await functions.drainExecutions(CLOSE_DRAIN_MS)))
        console.warn('[devcloud] closing with a function still running past its timeout')
      await realtime.close()
      server.http.closeAllConnections()
      await new Promise<void>((resolve) => server.http.close(() => resolve()))
      parts.release()
    },
  }
}
