// `npm run sandbox [-- --port 8790 --speed 60 --kdniao-push-url http://…]`: both sandboxes on one
// port with a real-time clock. Kdniao pushes go to --kdniao-push-url, else KDNIAO_PUSH_URL, else
// the local cloud's receiver (DESIGN §5: POST /tracking/push/kdniao on DEVCLOUD_PORT, default 8787).
// Credentials come from the same env vars the cloud functions read, defaulting to the dev ones.
import { parseArgs } from 'node:util'
import { DEFAULT_SANDBOX_PORT, DEV_KDNIAO, DEV_KUAIDI100, startSandbox } from './index'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    speed: { type: 'string' },
    'kdniao-push-url': { type: 'string' },
    'no-kdniao-push': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  console.log('usage: npm run sandbox -- [--port 8790] [--speed 1] [--kdniao-push-url URL | --no-kdniao-push]')
  process.exit(0)
}

function numberFlag(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} needs a non-negative number, got "${raw}"`)
    process.exit(2)
  }
  return value
}

const env = process.env
const port = numberFlag(values.port ?? env.SANDBOX_PORT, DEFAULT_SANDBOX_PORT, 'port')
const speed = numberFlag(values.speed ?? env.SANDBOX_SPEED, 1, 'speed') || 1
const pushUrl = values['no-kdniao-push']
  ? undefined
  : (values['kdniao-push-url'] ?? env.KDNIAO_PUSH_URL ?? `http://127.0.0.1:${env.DEVCLOUD_PORT ?? '8787'}/tracking/push/kdniao`)

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port,
    speed,
    kdniao: {
      eBusinessId: env.KDNIAO_EBUSINESS_ID ?? DEV_KDNIAO.eBusinessId,
      appKey: env.KDNIAO_APP_KEY ?? DEV_KDNIAO.appKey,
      pushUrl,
    },
    kuaidi100: { customer: env.KUAIDI100_CUSTOMER ?? DEV_KUAIDI100.customer, key: env.KUAIDI100_KEY ?? DEV_KUAIDI100.key },
  })
  console.log(`sandbox aggregators listening on ${sandbox.url} (speed ×${speed})`)
  console.log(`  Kdniao    KDNIAO_API_URL=${sandbox.url}   pushes → ${pushUrl ?? '(off)'}`)
  console.log(`  Kuaidi100 KUAIDI100_API_URL=${sandbox.url}   pushes → each subscription's callbackurl`)
  console.log(`  admin     ${sandbox.url}/sandbox/v1/{scenarios,subscriptions,deliveries,faults}`)
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    console.log('\nstopping sandbox…')
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
