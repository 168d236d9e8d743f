// Which order items travel in a parcel (split shipments). Optional: a parcel without an allocation
// covers whatever is not yet allocated. An allocation may not name an item the order does not have,
// nor more of it than the order has left once the other active parcels' allocations are counted.
import type { OrderItem, ParcelItem, ParcelSummary } from '../api/documents'
import { activeParcels } from './orderStatus'

export interface RequestedItem {
  productId: string
  quantity: number
}

export type AllocationCheck = { ok: true; items: ParcelItem[] } | { ok: false; reason: 'invalid_items'; message: string }

export function allocateItems(
  orderItems: readonly OrderItem[],
  otherParcels: readonly ParcelSummary[],
  requested: readonly RequestedItem[] | undefined,
): AllocationCheck {
  if (!requested || requested.length === 0) return { ok: true, items: [] }
  const allocated = new Map<string, number>()
  for (const parcel of activeParcels(otherParcels)) {
    for (const item of parcel.items ?? []) allocated.set(item.productId, (allocated.get(item.productId) ?? 0) + item.quantity)
  }
  const seen = new Set<string>()
  const items: ParcelItem[] = []
  for (const { productId, quantity } of requested) {
    if (seen.has(productId)) return { ok: false, reason: 'invalid_items', message: `${productId} is listed twice` }
    seen.add(productId)
    const ordered = orderItems.find((item) => item.productId === productId)
    if (!ordered) return { ok: false, reason: 'invalid_items', message: `${productId} is not in this order` }
    const left = ordered.quantity - (allocated.get(productId) ?? 0)
    if (quantity > left)
      return { ok: false, reason: 'invalid_items', message: `${productId}: ${quantity} requested, ${Math.max(left, 0)} left to ship` }
    items.push({ productId, title: ordered.title, quantity })
  }
  return { ok: true, items }
}
