// The `orders` collection: owned by the shopper (`_openid`), written only by functions.
import type { OrderDoc, OrderStatus } from '../../core/api'
import { COLLECTIONS, type Database } from '../platform/database'
import { MAX_READ } from './parcels'

export function orderRepository(db: Database) {
  const orders = () => db.collection(COLLECTIONS.orders)
  const _ = db.command

  return {
    async get(id: string): Promise<OrderDoc | null> {
      return (await orders().doc(id).get()).data as OrderDoc | null
    },

    /** Newest first; one more than asked so the caller knows whether a next page exists. */
    async ofShopper(openid: string, before: number | undefined, limit: number): Promise<OrderDoc[]> {
      const condition = before === undefined ? { _openid: openid } : { _openid: openid, createdAt: _.lt(before) }
      return (await orders().where(condition).orderBy('createdAt', 'desc').limit(limit + 1).get()).data as unknown as OrderDoc[]
    },

    async withStatus(statuses: OrderStatus[], before: number | undefined): Promise<OrderDoc[]> {
      const condition = before === undefined ? { status: _.in(statuses) } : { status: _.in(statuses), createdAt: _.lt(before) }
      return (await orders().where(condition).orderBy('createdAt', 'desc').limit(MAX_READ).get()).data as unknown as OrderDoc[]
    },
  }
}

export type OrderRepository = ReturnType<typeof orderRepository>
