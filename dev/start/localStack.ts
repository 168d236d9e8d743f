// The whole product on one machine (DESIGN §5): the sandbox aggregators, the local cloud running the
// real function bundles with the sandbox's credentials, the demo data, and the H5 app. `npm start`
// runs it with the real clock and persistence; tools that need the full stack can start it too.
import * as path from 'node:path'
import { startSandbox, type Sandbox } from '../aggregators'
import { DataDirLockedError, lockDataDir, startDevCloud, type DevCloud } from '../cloud'
import { serveH5, type H5Server } from '../h5/serveH5'
import { seedDemoData, type SeedReport } from '../seed'
import { functionEnvFrom, localFunctionEnv, sandboxCredentialsFrom, type ResolvedFunctionEnv, type TrackingVendor } from './functionEnv'

export interface LocalStackOptions {
  /** Where the local cloud listens; loopback unless asked (DEVCLOUD_HOST). */
  devcloudHost?: string
  devcloudPort: number
  sandboxPort: number
  /** null: do not serve the H5 app. */
  appPort: number | null
  /** Cloud database op-log and sandbox state live here; locked to this process while it runs. */
  dataDir: string
  /** Flush each acknowledged write to the disk (default true: a person's data survives power loss). */
  fsync?: boolean
  vendor: TrackingVendor
  /** Scenario time compression for the demo parcels (dev/aggregators README, "Clocks"). */
  speed: number
  /**
   * Where the documented function env keys (credentials, URLs, knobs) are read from; each set key
   * wins over its dev default, for the functions and the sandbox alike. Default: none (dev values).
   */
  env?: NodeJS.ProcessEnv
}

export interface LocalStack {
  devcloud: DevCloud
  sandbox: Sandbox
  h5: H5Server | null
  seed: SeedReport
  /** What the functions run with, and which keys came from the environment. */
  functionEnv: ResolvedFunctionEnv
  close(): Promise<void>
}

const HOST = '127.0.0.1'

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const cloudUrl = `http://${HOST}:${options.devcloudPort}`
  const env = options.env ?? {}
  const credentials = sandboxCredentialsFrom(env)
  // One stack per data dir, locked before the sandbox reads or writes its state there (dev/cloud/lock.ts).
  const locked = lockDataDir(
    options.dataDir,
    `stop it first (npm start keeps its data in ${options.dataDir}; \`npm run devcloud\` alone keeps its own).`,
  )
  if (!locked.ok) throw new DataDirLockedError(locked.message, locked.holder)
  const lock = locked.lock
  let sandbox: Sandbox
  try {
    sandbox = await startSandbox({
      port: options.sandboxPort,
      speed: options.speed,
      kdniao: credentials.kdniao,
      kuaidi100: credentials.kuaidi100,
      stateFile: path.join(options.dataDir, 'sandbox-state.json'),
    })
  } catch (error) {
    lock.release()
    throw error
  }
  // Kdniao push URLs are console configuration; here it is the local cloud's HTTP access route.
  sandbox.setKdniaoPushUrl(`${cloudUrl}/tracking/push/kdniao`)
  const resolved = functionEnvFrom(localFunctionEnv({ vendor: options.vendor, sandboxUrl: sandbox.url, cloudUrl }), env)
  let devcloud: DevCloud
  try {
    devcloud = await startDevCloud({
      port: options.devcloudPort,
      // DEVCLOUD_HOST=0.0.0.0 npm start: a phone on the LAN reaches it (dev/start/lanAddress.ts).
      host: options.devcloudHost ?? HOST,
      envId: 'dev-local',
      persistDir: options.dataDir,
      dataDirLock: lock,
      fsync: options.fsync ?? true,
      timers: true,
      logFailures: true,
      functionEnv: resolved.functionEnv,
    })
  } catch (error) {
    await sandbox.close()
    lock.release()
    throw error
  }
  const seed = await seedDemoData(devcloud, process.env, {
    sandbox: { assignScenario: async (trackingNo, scenario, story) => sandbox.assignScenario(trackingNo, scenario, undefined, story) },
  })
  const h5 = options.appPort === null ? null : await serveH5({ cloudUrl, envId: devcloud.envId, port: options.appPort, host: HOST })
  return {
    devcloud,
    sandbox,
    h5,
    seed,
    functionEnv: resolved,
    async close() {
      await h5?.close()
      await devcloud.close()
      await sandbox.close()
      lock.release()
    },
  }
}
