// How much of each order item is not yet in a parcel, for the split-shipment allocation. Same rule
// as the server (core/orders itemAllocation): only active parcels count, and a parcel without an
// allocation covers whatever was left, so after it nothing is left. A correction does not count
// the parcel it replaces.
import type { OrderDoc, ParcelItem } from '@core/api/documents'
import { activeParcels } from '@core/orders/orderStatus'

export interface ItemLeft {
  productId: string
  title: string
  ordered: number
  left: number
}

export function itemsLeftToShip(order: Pick<OrderDoc, 'items' | 'parcels'>, replacing: string | null = null): ItemLeft[] {
  const others = activeParcels(order.parcels).filter((parcel) => parcel.parcelId !== replacing)
  const coversRest = others.some((parcel) => !parcel.items || parcel.items.length === 0)
  const shipped = new Map<string, number>()
  for (const parcel of others)
    for (const item of parcel.items ?? []) shipped.set(item.productId, (shipped.get(item.productId) ?? 0) + item.quantity)
  return order.items.map((item) => ({
    productId: item.productId,
    title: item.title,
    ordered: item.quantity,
    left: coversRest ? 0 : Math.max(0, item.quantity - (shipped.get(item.productId) ?? 0)),
  }))
}

/** The allocation to send: only items given a quantity; none at all means "the rest of the order". */
export function allocationEntry(
  quantities: Readonly<Record<string, number>>,
): Array<Pick<ParcelItem, 'productId' | 'quantity'>> | undefined {
  const items = Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([productId, quantity]) => ({ productId, quantity }))
  return items.length > 0 ? items : undefined
}
