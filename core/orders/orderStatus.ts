// An order's status is derived from its parcels, never stored as a running value: PAID until a
// parcel exists, PARTIALLY_SHIPPED while the merchant's item allocations leave something unshipped,
// SHIPPED when everything is on its way, DELIVERED when every active parcel is.
import type { OrderItem, OrderStatus, ParcelSummary } from '../api/documents'

export type ShipmentCoverage = 'none' | 'partial' | 'full'

export function activeParcels(parcels: readonly ParcelSummary[]): ParcelSummary[] {
  return parcels.filter((parcel) => !parcel.superseded)
}

/** A parcel without an allocation "covers what is not yet allocated" (core/api backfill), so one such
 * parcel ships the rest of the order; otherwise the allocations are summed per product. */
export function shipmentCoverage(items: readonly OrderItem[], parcels: readonly ParcelSummary[]): ShipmentCoverage {
  const active = activeParcels(parcels)
  if (active.length === 0) return 'none'
  if (active.some((parcel) => !parcel.items || parcel.items.length === 0)) return 'full'
  const shipped = new Map<string, number>()
  for (const parcel of active) {
    for (const item of parcel.items ?? []) shipped.set(item.productId, (shipped.get(item.productId) ?? 0) + item.quantity)
  }
  return items.every((item) => (shipped.get(item.productId) ?? 0) >= item.quantity) ? 'full' : 'partial'
}

export function deriveOrderStatus(items: readonly OrderItem[], parcels: readonly ParcelSummary[]): OrderStatus {
  const coverage = shipmentCoverage(items, parcels)
  if (coverage === 'none') return 'PAID'
  if (coverage === 'partial') return 'PARTIALLY_SHIPPED'
  return activeParcels(parcels).every((parcel) => parcel.status === 'DELIVERED') ? 'DELIVERED' : 'SHIPPED'
}
