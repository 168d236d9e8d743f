// The `products` collection. Read through a schema: the catalogue is seeded and edited outside the
// functions, and money must be whole fen.
import { z } from 'zod'
import type { ProductDoc } from '../../core/api'
import { COLLECTIONS, type Database } from '../platform/database'
import { MAX_READ } from './parcels'

export const storedProductSchema = z.object({
  _id: z.string(),
  title: z.string(),
  description: z.string().default(''),
  priceFen: z.number().int().nonnegative(),
  image: z.string().default(''),
  stock: z.number().int(),
  createdAt: z.number().default(0),
}) satisfies z.ZodType<ProductDoc, unknown>

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
