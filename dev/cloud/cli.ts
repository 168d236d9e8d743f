// `npm run devcloud -- --port <P>`: the local cloud alone, headless (DESIGN §5). Builds every cloud
// function, starts with timers on and persistence in .devcloud/, seeds the demo data, prints
// `devcloud ready on http://127.0.0.1:<P>`, and stops cleanly on SIGINT/SIGTERM.
// Options: --port (default $DEVCLOUD_PORT or 8787; 0 picks a free one), --host, --persist-dir <dir>.
import * as path from 'node:path'
import { buildFunctions } from '../../scripts/buildFunctions'
import { DEFAULT_SANDBOX_PORT } from '../aggregators'
import { localFunctionEnv, trackingVendorFrom } from '../start/functionEnv'
import { REPO_ROOT } from './config'
import { seedDemoData } from '../seed'
import { startDevCloud } from '.'

interface CliOptions { port: number; host: string; persistDir: string }

function parseArgs(argv: string[]): CliOptions | string {
  const options: CliOptions = {
    port: Number(process.env.DEVCLOUD_PORT ?? 8787),
    host: '127.0.0.1',
    persistDir: path.join(REPO_ROOT, '.devcloud'),
  }
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]
    const value = argv[index + 1]
    if (value === undefined) return `${flag} needs a value`
    if (flag === '--port') options.port = Number(value)
    else if (flag === '--host') options.host = value
    else if (flag === '--persist-dir') options.persistDir = path.resolve(value)
    else return `unknown option ${flag} (use --port, --host, --persist-dir)`
    index += 1
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) return `invalid port ${options.port}`
  return options
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  if (typeof options === 'string') {
    console.error(`devcloud: ${options}`)
    process.exit(2)
  }
  await buildFunctions()
  // Dev defaults point at a local sandbox (`npm run sandbox`, or `npm start` for everything);
  // any of these set in this process's environment wins.
  const defaults = localFunctionEnv({
    vendor: trackingVendorFrom(process.env.TRACKING_VENDOR),
    sandboxUrl: process.env.SANDBOX_URL ?? `http://127.0.0.1:${process.env.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT}`,
    cloudUrl: `http://${options.host}:${options.port === 0 ? 8787 : options.port}`,
  })
  const functionEnv = Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, process.env[key] ?? value]))
  const devcloud = await startDevCloud({
    functionEnv,
    port: options.port,
    host: options.host,
    envId: 'dev-local',
    persistDir: options.persistDir,
    timers: true,
    inheritProcessEnv: true,
    logFailures: true,
  })
  await seedDemoData(devcloud)
  console.log(`devcloud ready on ${devcloud.url}`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`devcloud stopping (${signal})`)
    devcloud.close().then(() => process.exit(0), (error: unknown) => {
      console.error(error)
      process.exit(1)
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error('devcloud failed to start:', error)
  process.exit(1)
})
