// Demo data for `npm run devcloud` / `npm start`. Idempotent: documents that already exist (by _id)
// are left alone, so a persisted `.devcloud/` keeps its state across restarts.
// Orders and parcels are created through the real cloud functions (demoOrders.ts).
import type { DevCloud, Doc } from '../cloud'
import { demoSandboxOverHttp, localSandboxUrl, seedDemoOrders, type DemoSandbox } from './demoOrders'
import { demoMerchants } from './merchants'
import { DEMO_PRODUCTS } from './products'

export interface SeedReport {
  created: Record<string, number>
  warnings: string[]
}

export interface SeedOptions {
  /** Where the demo parcels' stories are assigned; default: the local sandbox's HTTP API, if configured. */
  sandbox?: DemoSandbox | null
}

export async function seedDemoData(
  devcloud: DevCloud,
  env: NodeJS.ProcessEnv = process.env,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const created: Record<string, number> = {}
  created.products = await putMissing(
    devcloud,
    'products',
    DEMO_PRODUCTS.map((product) => ({ ...product })),
  )
  created.merchants = await putMissing(
    devcloud,
    'merchants',
    demoMerchants(env.MERCHANT_OPENIDS).map((merchant) => ({ ...merchant })),
  )
  const sandboxUrl = localSandboxUrl(env)
  const sandbox = options.sandbox !== undefined ? options.sandbox : sandboxUrl ? demoSandboxOverHttp(sandboxUrl) : null
  const demo = await seedDemoOrders(devcloud, sandbox)
  created.orders = demo.orders
  if (demo.liveParcel) console.log(`[seed] live demo parcel ${demo.liveParcel}`)
  for (const warning of demo.warnings) console.warn(`[seed] ${warning}`)
  return { created, warnings: demo.warnings }
}

async function putMissing(devcloud: DevCloud, collection: string, docs: Doc[]): Promise<number> {
  let created = 0
  for (const doc of docs) {
    if (await devcloud.db.get(collection, doc._id as string)) continue
    await devcloud.db.put(collection, doc)
    created += 1
  }
  return created
}
