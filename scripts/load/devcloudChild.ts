// A devcloud in a process of its own, configured as `npm run devcloud` configures it (a persist dir,
// functions that see this process's environment, failures logged to stderr, the demo catalogue and
// merchants) with three differences, each so a test or bench can run it next to others:
//  - it does not build the function bundles: the parent builds them once, under the shared lock, so a
//    test running in parallel never loads a half-written bundle;
//  - timers stay off: the timers would poll and subscribe on the wall clock, and what is measured here
//    must be the pushes (and the aggregator's own retries) alone;
//  - no demo orders (they subscribe stories in whichever sandbox the environment names); the load
//    product is added instead.
// Usage: node --import tsx scripts/load/devcloudChild.ts --port <P> [--persist-dir <dir>]
// Prints `devcloud ready on http://127.0.0.1:<P>`; SIGTERM closes it cleanly.
import { startDevCloud, type DevCloud, type Doc } from '../../dev/cloud'
import { demoMerchants } from '../../dev/seed/merchants'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import { LOAD_PRODUCT } from './loadTarget'

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index < 0 ? undefined : process.argv[index + 1]
}

async function putMissing(devcloud: DevCloud, collection: string, docs: Doc[]): Promise<void> {
  for (const doc of docs) if (!(await devcloud.db.get(collection, String(doc._id)))) await devcloud.db.put(collection, doc)
}

async function main(): Promise<void> {
  const port = Number(option('--port') ?? '0')
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${option('--port')}`)
  const devcloud = await startDevCloud({
    port,
    envId: 'dev-local',
    persistDir: option('--persist-dir'),
    inheritProcessEnv: true,
    logFailures: true,
  })
  await putMissing(devcloud, 'products', [...DEMO_PRODUCTS.map((product) => ({ ...product })), { ...LOAD_PRODUCT }])
  await putMissing(
    devcloud,
    'merchants',
    demoMerchants(process.env.MERCHANT_OPENIDS).map((merchant) => ({ ...merchant })),
  )
  console.log(`devcloud ready on ${devcloud.url}`)
  process.once('SIGTERM', () => {
    devcloud.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}

main().catch((error: unknown) => {
  console.error('devcloud child failed to start:', error)
  process.exit(1)
})
