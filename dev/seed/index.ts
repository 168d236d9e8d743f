// Demo data for `npm run devcloud` / `npm start`. Idempotent: documents that already exist (by _id)
// are left alone, so a persisted `.devcloud/` keeps its state across restarts.
// Seam for other features: add a step below (orders and parcels are to be created through the real
// cloud functions, e.g. `await devcloud.invoke('createOrder', {...}, { openid: 'dev-shopper' })`).
import type { DevCloud, Doc } from '../cloud'
import { demoMerchants } from './merchants'
import { DEMO_PRODUCTS } from './products'

export interface SeedReport { created: Record<string, number> }

export async function seedDemoData(devcloud: DevCloud, env: NodeJS.ProcessEnv = process.env): Promise<SeedReport> {
  const created: Record<string, number> = {}
  created.products = await putMissing(devcloud, 'products', DEMO_PRODUCTS.map((product) => ({ ...product })))
  created.merchants = await putMissing(devcloud, 'merchants', demoMerchants(env.MERCHANT_OPENIDS).map((merchant) => ({ ...merchant })))
  return { created }
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
