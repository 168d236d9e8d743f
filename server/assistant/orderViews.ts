// The resolver's view of a shopper's orders, read from the stored documents. `route` and `eta`
// are read leniently (issue 14 writes them; older parcels have none, or the vendor's claim in the
// old `eta` slot): whatever is not in the expected shape is left out, never guessed.
import type { EtaView, OrderView, ParcelView, RouteView } from '../../core/assistant'
import type { OrderDoc, ParcelDoc } from '../../core/api'
import { COLLECTIONS, type Database } from '../platform/database'
import { displayParcels } from '../useCases/shopperReads'

/** Enough for anyone's order history in a question; older orders are asked about by number. */
export const MAX_ORDERS_READ = 100
const MAX_PARCELS_READ = 300

type Loose = Record<string, unknown>
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value)

function instant(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string') {
    const parsed = Date.parse(value)
    return Number.isNaN(parsed) ? null : parsed
  }
  return null
}

export function etaView(doc: Loose): EtaView | null {
  const eta = doc.eta
  if (isObject(eta)) {
    const earliest = instant(eta.earliest)
    const latest = instant(eta.latest)
    if (earliest !== null && latest !== null && earliest <= latest) return { kind: 'range', earliest, latest }
  }
  const vendor = isObject(doc.vendorEta) ? doc.vendorEta : eta
  const at = isObject(vendor) ? instant(vendor.at) : null
  return at === null ? null : { kind: 'vendor', at }
}

const pointName = (point: unknown): string | null =>
  isObject(point) && typeof point.name === 'string' && point.name !== '' ? point.name : null
const names = (points: unknown): string[] =>
  Array.isArray(points) ? points.map(pointName).filter((name): name is string => name !== null) : []

export function routeView(doc: Loose): RouteView | null {
  const route = doc.route
  if (!isObject(route)) return null
  return { travelled: names(route.travelled), current: pointName(route.current), remaining: names(route.remaining) }
}

export function parcelView(doc: ParcelDoc): ParcelView {
  const [latest] = doc.events
  const contact = doc.events.find((event) => event.courier?.phone || event.courier?.name)?.courier ?? null
  return {
    parcelId: doc._id,
    seq: doc.seq,
    carrier: doc.carrier,
    trackingNo: doc.trackingNo,
    status: doc.status,
    subStatus: doc.subStatus,
    items: doc.items,
    latest: latest ? { at: latest.at, text: latest.text, ...(latest.location ? { location: latest.location } : {}) } : null,
    contact,
    eta: etaView(doc as unknown as Loose),
    route: routeView(doc as unknown as Loose),
  }
}

export function orderView(order: OrderDoc, parcels: readonly ParcelDoc[]): OrderView {
  const active = displayParcels(parcels.filter((parcel) => parcel.orderId === order._id && parcel.supersededBy === null))
  return { orderId: order._id, createdAt: order.createdAt, items: order.items, parcels: active.map(parcelView) }
}

/** Two reads whatever the number of orders: the shopper's orders, then their parcels. */
export async function shopperOrderViews(db: Database, openid: string): Promise<OrderView[]> {
  const orders = (
    await db.collection(COLLECTIONS.orders).where({ _openid: openid }).orderBy('createdAt', 'desc').limit(MAX_ORDERS_READ).get()
  ).data as unknown as OrderDoc[]
  if (orders.length === 0) return []
  const parcels = (await db.collection(COLLECTIONS.parcels).where({ _openid: openid }).limit(MAX_PARCELS_READ).get())
    .data as unknown as ParcelDoc[]
  return orders.map((order) => orderView(order, parcels))
}

/** One order of this shopper's, or null: another shopper's order reads exactly like a missing one. */
export async function shopperOrderView(db: Database, openid: string, orderId: string): Promise<OrderView | null> {
  const order = (await db.collection(COLLECTIONS.orders).doc(orderId).get()).data as OrderDoc | null
  if (!order || order._openid !== openid) return null
  const parcels = (await db.collection(COLLECTIONS.parcels).where({ orderId, _openid: openid }).limit(MAX_PARCELS_READ).get())
    .data as unknown as ParcelDoc[]
  return orderView(order, parcels)
}
