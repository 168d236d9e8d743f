// The `products` collection. Read through a schema: the catalogue is seeded and edited outside the
// functions, and money must be whole fen.
import * as z from '../../core/validation/zod'
import type { ProductDoc } from '../../core/api'
import { COLLECTIONS, type Database } from '../platform/database'
import { MAX_READ } from './parcels'

export const storedProductSchema = z.object({
  _id: z.string(),
  title: z.string(),
  description: z._default(z.string(), ''),
  priceFen: z.number().check(z.int(), z.nonnegative()),
  image: z._default(z.string(), ''),
  stock: z.number().check(z.int()),
  createdAt: z._default(z.number(), 0),
}) satisfies z.ZodMiniType<ProductDoc, unknown>

export function readProduct(doc: unknown): ProductDoc | null {
  const parsed = storedProductSchema.safeParse(doc)
  return parsed.success ? parsed.data : null
}

export function productRepository(db: Database) {
  return {
    async list(): Promise<ProductDoc[]> {
      const docs = (await db.collection(COLLECTIONS.products).limit(MAX_READ).get()).data
      return docs.map(readProduct).filter((product): product is ProductDoc => product !== null)
    },
  }
}
