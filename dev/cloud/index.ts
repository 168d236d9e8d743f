// The local CloudBase ("devcloud"): what cloud functions, pages and tests run against. See README.md.
// startDevCloud wires the parts together: the state (store, faults, op-log), the function runtime,
// the HTTP/WS server, then the handle a caller holds.
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { SAFE_ENV, type ActionDeps } from './actions'
import type { AdminRestDeps } from './adminApi'
import type { DevCloud, StartDevCloudOptions } from './api'
import { DEFAULT_CONFIG_DIR, DEFAULT_FUNCTIONS_DIR, loadCloudbaseConfig } from './config'
import { FaultState } from './faults'
import { FunctionHost } from './functionHost'
import { installEnvProxy } from './envProxy'
import { applyImport, ImportRefusedError, readExport } from './exportImport'
import { devCloudHandle } from './handle'
import { createInvocations, type Invocations } from './invocations'
import type { OpenApiCall } from './openApi'
import { NPM_START_DATA_DIR, OpLog } from './persistence'
import { RealtimeServer } from './realtime'
import { DevCloudServer } from './server'
import { Store } from './store'
import { Transactions } from './transactions'

export type { Doc } from './ejson'
export type { DevCloudDb } from './directDb'
export type { OpenApiCall } from './openApi'
export { InvokeError, type Caller, type DevCloud, type DevCloudFaults, type StartDevCloudOptions } from './api'
export { describeExport, ImportRefusedError, type ExportSummary, type TransferResult } from './exportImport'
export { DataDirLockedError, lockDataDir, type DataDirLock } from './lock'
export { OpLogCorruptError } from './persistence'

const REGION = 'ap-shanghai'

export async function startDevCloud(options: StartDevCloudOptions = {}): Promise<DevCloud> {
  const envId = options.envId ?? 'dev-local'
  if (!SAFE_ENV.test(envId))
    throw new Error(`envId "${envId}" must start with dev- or test- (devcloud never pretends to be a production env)`)
  if (envId.startsWith('test-') && options.persistDir !== undefined && path.resolve(options.persistDir) === NPM_START_DATA_DIR) {
    throw new Error(`a test env (${envId}) may not persist into ${NPM_START_DATA_DIR}: that is npm start's data; use a temporary dir`)
  }
  const now = options.now ?? Date.now
  const host = options.host ?? '127.0.0.1'
  const functionsDir = options.functionsDir ?? DEFAULT_FUNCTIONS_DIR
  const config = loadCloudbaseConfig(options.configDir ?? DEFAULT_CONFIG_DIR)

  const store = new Store([...config.rules.keys()])
  const faults = new FaultState(now)
  store.setWriteGuard((commit) => faults.refuseWrite(commit))
  const importing = options.importDir === undefined ? undefined : readExport(options.importDir)
  if (importing && !importing.ok) throw new ImportRefusedError(options.importDir ?? '', importing.reason)
  const oplog =
    options.persistDir === undefined
      ? undefined
      : OpLog.open(options.persistDir, store, {
          fsync: options.fsync,
          lock: options.dataDirLock,
          compactAfterBytes: options.compactAfterBytes,
        }).log
  store.setJournal(oplog)
  if (importing) {
    store.reset()
    const imported = applyImport(store, importing.data)
    if (!imported.ok) {
      oplog?.close()
      throw new ImportRefusedError(options.importDir ?? '', imported.reason)
    }
  }
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
  const invocations = createInvocations({ functions, functionsDir, envId, now, logFailures: options.logFailures ?? false })
  const uninstallEnv = installEnvProxy()
  const openApiCalls: OpenApiCall[] = []

  const server = new DevCloudServer({
    actions: {
      store,
      transactions,
      functions,
      realtime,
      rules: config.rules,
      openApiCalls,
      faults,
      now,
      defaultEnv: envId,
      wsUrl: () => `${baseUrl.replace(/^http/, 'ws')}/ws`,
    } satisfies ActionDeps,
    admin: adminDeps({ store, envId, faults, realtime, invocations, openApiCalls, reset: () => devcloud.reset() }),
    functions,
    realtime,
    routes: config.routes,
    envId,
  })
  try {
    baseUrl = await listen(server, options.port ?? 0, host)
  } catch (error) {
    oplog?.close()
    uninstallEnv()
    throw error
  }

  // The admin API's reset (above) calls this; requests are handled from the next turn on, when it exists.
  const devcloud = devCloudHandle({
    url: baseUrl,
    envId,
    store,
    transactions,
    realtime,
    faults,
    functions,
    invocations,
    server,
    openApiCalls,
    now,
    dataDir: options.persistDir === undefined ? null : path.resolve(options.persistDir),
    release: () => {
      oplog?.close()
      uninstallEnv()
    },
  })
  if (options.timers) invocations.scheduler.start()
  return devcloud
}

interface AdminParts {
  store: Store
  envId: string
  faults: FaultState
  realtime: RealtimeServer
  invocations: Invocations
  openApiCalls: OpenApiCall[]
  reset(): Promise<void>
}

/** The emulator REST API's view of the parts (DESIGN §5, /devcloud/v1). */
function adminDeps({ store, envId, faults, realtime, invocations, openApiCalls, reset }: AdminParts): AdminRestDeps {
  const inCollection = <T>(collection: string, read: () => T): T | 'no-collection' =>
    store.hasCollection(envId, collection) ? read() : 'no-collection'
  return {
    invoke: (name, data, openid) => invocations.asClient(name, data, { openid }),
    getDoc: (collection, id) => inCollection(collection, () => store.get(envId, collection, id)),
    listDocs: (collection) => inCollection(collection, () => store.scan(envId, collection)),
    reset,
    fireTimer: invocations.fireTimerNow,
    failWrites: (spec) => faults.failWrites(spec),
    rejectInvocations: (spec) => faults.rejectInvocations(spec),
    failOpenApi: (spec) => faults.failOpenApi(spec),
    dropRealtimeConnections: () => realtime.dropConnections(),
    clearFaults: () => faults.clear(),
    openApiCalls: () => openApiCalls,
  }
}

/** Resolves with the base URL once the server accepts connections. */
async function listen(server: DevCloudServer, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.http.once('error', reject)
    server.http.listen(port, host, () => {
      server.http.off('error', reject)
      resolve()
    })
  })
  return `http://${host}:${(server.http.address() as AddressInfo).port}`
}
