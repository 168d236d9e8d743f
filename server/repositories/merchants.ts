// Who is a merchant: a document in `merchants` keyed by openid (functions only can read it), or an
// openid listed in MERCHANT_OPENIDS (DESIGN §5).
import type { MerchantDoc } from '../../core/api'
import { COLLECTIONS, type Database } from '../platform/database'

export async function findMerchant(db: Database, openid: string | undefined, extraOpenids: readonly string[]): Promise<MerchantDoc | null> {
  if (!openid) return null
  const doc = (await db.collection(COLLECTIONS.merchants).doc(openid).get()).data as MerchantDoc | null
  if (doc) return doc
  return extraOpenids.includes(openid) ? { _id: openid, name: `Merchant ${openid}`, role: 'staff' } : null
}
