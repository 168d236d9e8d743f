// The shopper's reads: the catalogue, their own orders (newest first, paginated; each order carries
// its parcels' latest logistics line), and one order with its parcels. Another shopper's order is
// `not_found`, indistinguishable from a missing one.
import { failure, type GetOrderTrackingResult, type ListMyOrdersResult, type ListProductsResult, type ParcelDoc } from '../../core/api'
import type { Database } from '../platform/database'
import { orderRepository } from '../repositories/orders'
import { parcelRepository } from '../repositories/parcels'
import { productRepository } from '../repositories/products'

export async function listProducts(db: Database): Promise<ListProductsResult> {
  const products = await productRepository(db).list()
  return { ok: true, products: products.sort((a, b) => a.createdAt - b.createdAt || (a._id < b._id ? -1 : 1)) }
}

export async function listMyOrders(db: Database, openid: string, page: { before?: number; limit: number }): Promise<ListMyOrdersResult> {
  const orders = await orderRepository(db).ofShopper(openid, page.before, page.limit)
  const shown = orders.slice(0, page.limit)
  return { ok: true, orders: shown, nextBefore: orders.length > page.limit ? (shown.at(-1)?.createdAt ?? null) : null }
}

/** Active parcels by 包裹 number, then superseded ones. */
export function displayParcels(parcels: ParcelDoc[]): ParcelDoc[] {
  return [...parcels].sort(
    (a, b) => Number(a.supersededBy !== null) - Number(b.supersededBy !== null) || a.seq - b.seq || (a._id < b._id ? -1 : 1),
  )
}

export async function getOrderTracking(db: Database, openid: string, orderId: string): Promise<GetOrderTrackingResult> {
  const order = await orderRepository(db).get(orderId)
  if (!order || order._openid !== openid) return failure('not_found', 'no such order')
  return { ok: true, order, parcels: displayParcels(await parcelRepository(db).ofOrder(orderId)) }
}
