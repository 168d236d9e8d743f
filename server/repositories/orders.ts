// The `orders` collection: owned by the shopper (`_openid`), written only by functions.
import type { OrderDoc, OrderStatus } from '../../core/api'
import { COLLECTIONS, type Database } from '../platform/database'
import { MAX_READ } from './parcels'

export function orderRepository(db: Database) {
  const orders = () => db.collection(COLLECTIONS.orders)
  const _ = db.command
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  /** What the merchant types into the to-ship search: part of the order id, the receiver's name, an
   * item title, or digits of the phone's last four (the only digits a masked phone shows). */
  const searchCondition = (search: string) => {
    const contains = db.RegExp({ regexp: escaped(search), options: 'i' })
    const tail = /^\d{1,4}$/.test(search) ? [{ 'address.telMasked': db.RegExp({ regexp: `${search}\\d{0,${4 - search.length}}$` }) }] : []
    return _.or([{ _id: contains }, { 'address.userName': contains }, { 'items.title': contains }, ...tail])
  }

  return {
    async get(id: string): Promise<OrderDoc | null> {
      return (await orders().doc(id).get()).data as OrderDoc | null
    },

    /** Newest first; one more than asked so the caller knows whether a next page exists. */
    async ofShopper(openid: string, before: number | undefined, limit: number): Promise<OrderDoc[]> {
      const condition = before === undefined ? { _openid: openid } : { _openid: openid, createdAt: _.lt(before) }
      return (
        await orders()
          .where(condition)
          .orderBy('createdAt', 'desc')
          .limit(limit + 1)
          .get()
      ).data as unknown as OrderDoc[]
    },

    /** Newest first, one more than asked (a next page exists); `search` is matched by the database
     * (order id, receiver name, item title, phone tail), so a page is a page at any number of orders. */
    async withStatus(statuses: OrderStatus[], page: { before?: number; limit: number; search?: string }): Promise<OrderDoc[]> {
      const conditions: unknown[] = [{ status: _.in(statuses) }]
      if (page.before !== undefined) conditions.push({ createdAt: _.lt(page.before) })
      if (page.search) conditions.push(searchCondition(page.search))
      return (
        await orders()
          .where(_.and(conditions))
          .orderBy('createdAt', 'desc')
          .limit(Math.min(page.limit + 1, MAX_READ))
          .get()
      ).data as unknown as OrderDoc[]
    },
  }
}

export type OrderRepository = ReturnType<typeof orderRepository>
