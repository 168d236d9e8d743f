// `npm start`: builds what is out of date, starts the sandbox aggregators, the local cloud (real
// function bundles, timers, persistence in .devcloud/) and the H5 app, seeds the demo, and prints
// where to look. Ctrl-C stops everything. `npm start -- --reset` starts from empty data;
// `npm start -- --export-on-exit DIR` writes the data there as JSON lines when stopped.
// Ports: DEVCLOUD_PORT (8787), APP_PORT (10086), SANDBOX_PORT (8790); TRACKING_VENDOR (kdniao);
// DEMO_SPEED (240: the demo parcels' remaining story plays 240× faster than real time). Every
// function env key of DESIGN §5 set in the environment (credentials, URLs, knobs) replaces its dev
// value, for the functions and for the sandbox that signs the pushes.
import { rmSync } from 'node:fs'
import * as path from 'node:path'
import { buildFunctions } from '../../scripts/buildFunctions'
import { DEFAULT_SANDBOX_PORT } from '../aggregators'
import { DataDirLockedError, describeExport, lockDataDir } from '../cloud'
import { latestLiveParcel } from '../seed/demoOrders'
import { demoAssistantToken } from './demoAssistantToken'
import { buildH5, h5BuildIsStale } from './buildIfStale'
import { describeFunctionEnv, trackingVendorFrom } from './functionEnv'
import { devcloudHostFrom, lanAddress, weappRows } from './lanAddress'
import { startLocalStack, type LocalStack } from './localStack'

const ROOT = path.resolve(__dirname, '..', '..')
const DATA_DIR = path.join(ROOT, '.devcloud')

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number, not "${process.env[name]}"`)
  return value
}

async function main(): Promise<void> {
  const devcloudPort = port('DEVCLOUD_PORT', 8787)
  const appPort = port('APP_PORT', 10086)
  const sandboxPort = port('SANDBOX_PORT', DEFAULT_SANDBOX_PORT)
  const vendor = trackingVendorFrom(process.env.TRACKING_VENDOR)
  const speed = Number(process.env.DEMO_SPEED ?? 240)
  if (!(speed > 0)) throw new Error(`DEMO_SPEED must be a positive number, not "${process.env.DEMO_SPEED}"`)
  const exportOnExit = exportOnExitDir(process.argv)
  if (process.argv.includes('--reset')) {
    // Never from under a running stack: only a dir nobody holds is cleared.
    const locked = lockDataDir(DATA_DIR, 'stop it before clearing its data.')
    if (!locked.ok) throw new DataDirLockedError(locked.message, locked.holder)
    rmSync(DATA_DIR, { recursive: true, force: true })
    console.log('· cleared .devcloud/ (starting from empty data)')
  }

  let started = Date.now()
  await buildFunctions()
  console.log(`· cloud functions built (${Date.now() - started} ms)`)
  if (h5BuildIsStale()) {
    started = Date.now()
    console.log('· building the H5 app (about 20–40 s the first time; log in .devcloud/h5-build.log) …')
    await buildH5(path.join(DATA_DIR, 'h5-build.log'))
    console.log(`· H5 app built (${Math.round((Date.now() - started) / 1000)} s)`)
  } else {
    console.log('· H5 app is up to date')
  }

  const devcloudHost = devcloudHostFrom(process.env.DEVCLOUD_HOST)
  const stack: LocalStack = await startLocalStack({
    devcloudPort,
    devcloudHost,
    sandboxPort,
    appPort,
    dataDir: DATA_DIR,
    vendor,
    speed,
    env: process.env,
  })
  for (const warning of stack.seed.warnings) console.warn(`! ${warning}`)
  console.log(`· functions run with (set any of these in the environment to override):`)
  for (const line of describeFunctionEnv(stack.functionEnv)) console.log(`    ${line}`)
  const app = stack.h5?.url ?? `http://127.0.0.1:${appPort}`
  const liveOrder = (await latestLiveParcel(stack.devcloud))?.orderId ?? null
  const mcpToken = await demoAssistantToken(stack.devcloud)
  const rows: Array<[string, string]> = [
    ['Storefront (shopper)', `${app}/#/pages/index/index?as=dev-shopper`],
    ['My orders', `${app}/#/pages/orders/index?as=dev-shopper`],
    ...(liveOrder
      ? [['Live parcel (moves by itself)', `${app}/#/pages/order/detail?id=${liveOrder}&as=dev-shopper`] as [string, string]]
      : []),
    ['Merchant console', `${app}/#/merchant/pages/index/index?as=dev-merchant`],
    ['Local cloud', `${stack.devcloud.url}  (admin API: ${stack.devcloud.url}/devcloud/v1/…)`],
    ['Sandbox aggregators', `${stack.sandbox.url}  (tracking via ${vendor})`],
    ['MCP endpoint (AI assistants)', `${stack.devcloud.url}/mcp`],
    ...(mcpToken
      ? [['MCP demo token (dev-shopper)', `${mcpToken}  (Authorization: Bearer …; README “Connect an MCP client”)`] as [string, string]]
      : []),
  ]
  console.log('\nParcel storefront is running:\n')
  rows.push(...weappRows(devcloudHost, devcloudPort, lanAddress()))
  for (const [label, url] of rows) console.log(`  ${label.padEnd(31)} ${url}`)
  console.log(
    '\nOther shopper: ?as=dev-shopper-2. Data persists in .devcloud/ (npm start -- --reset to start over). Ctrl-C stops everything.\n',
  )

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\nstopping (${signal}) …`)
    const closed = async () => {
      await stack.close()
      // After close every function has finished, so the export is the final state.
      if (exportOnExit !== undefined) console.log(`· ${describeExport(await stack.devcloud.exportData(exportOnExit))}`)
    }
    closed().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

/** `npm start -- --export-on-exit DIR`: the data as JSON lines when stopped (dev/cloud/README.md, "Export and import"). */
function exportOnExitDir(argv: string[]): string | undefined {
  const at = argv.indexOf('--export-on-exit')
  if (at < 0) return undefined
  const dir = argv[at + 1]
  if (dir === undefined || dir.startsWith('--')) throw new Error('--export-on-exit needs a directory')
  const resolved = path.resolve(dir)
  if (!path.relative(DATA_DIR, resolved).startsWith('..'))
    throw new Error(`--export-on-exit ${resolved} is inside ${DATA_DIR}; export somewhere else`)
  return resolved
}

main().catch((error: unknown) => {
  const message =
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? `a port is already in use (${(error as Error).message}); stop the other process or set DEVCLOUD_PORT / APP_PORT / SANDBOX_PORT`
      : error instanceof DataDirLockedError
        ? error.message
        : ((error as Error).stack ?? String(error))
  console.error(`npm start failed: ${message}`)
  process.exit(1)
})
