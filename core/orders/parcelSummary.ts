// The order document carries one summary per parcel (包裹1, 包裹2 …) so that the order list shows the
// latest logistics line without reading every parcel. Summaries are rebuilt from the parcel document
// each time it changes, in the same transaction.
import type { OrderDoc, ParcelDoc, ParcelSummary } from '../api/documents'
import type { TrackingEvent } from '../tracking'
import { activeParcels, deriveOrderStatus } from './orderStatus'

export function lastEventLine(events: readonly TrackingEvent[]): ParcelSummary['lastEvent'] {
  const newest = events[0]
  if (!newest) return null
  return { at: newest.at, text: newest.text, ...(newest.location ? { location: newest.location } : {}) }
}

export function summariseParcel(parcel: ParcelDoc): ParcelSummary {
  return {
    parcelId: parcel._id,
    seq: parcel.seq,
    carrier: parcel.carrier,
    trackingNo: parcel.trackingNo,
    status: parcel.status,
    subStatus: parcel.subStatus,
    lastEvent: lastEventLine(parcel.events),
    superseded: parcel.supersededBy !== null,
    items: parcel.items,
    version: parcel.version,
  }
}

/** Active parcels by `seq`, then superseded ones (history) by `seq`. */
function displayOrder(a: ParcelSummary, b: ParcelSummary): number {
  return Number(a.superseded) - Number(b.superseded) || a.seq - b.seq || (a.parcelId < b.parcelId ? -1 : 1)
}

/** Replaces the summary with the same parcel id, or adds it. */
export function withParcelSummary(summaries: readonly ParcelSummary[], summary: ParcelSummary): ParcelSummary[] {
  return [...summaries.filter((existing) => existing.parcelId !== summary.parcelId), summary].sort(displayOrder)
}

/** The next 包裹 number; a correction keeps the number of the parcel it replaces instead. */
export function nextParcelSeq(summaries: readonly ParcelSummary[]): number {
  return summaries.reduce((highest, summary) => Math.max(highest, summary.seq), 0) + 1
}

/** The order after its parcel summaries changed: status, shippedAt and deliveredAt follow from them.
 * deliveredAt is the newest scan time of the delivered parcels (a fact), not when we learnt of it. */
export function orderWithParcels(order: OrderDoc, parcels: readonly ParcelSummary[], now: number): OrderDoc {
  const status = deriveOrderStatus(order.items, parcels)
  const active = activeParcels(parcels)
  const deliveredAt =
    status === 'DELIVERED'
      ? active.reduce<number | null>((latest, parcel) => Math.max(latest ?? 0, parcel.lastEvent?.at ?? now), null)
      : null
  return {
    ...order,
    parcels: [...parcels].sort(displayOrder),
    status,
    shippedAt: order.shippedAt ?? (active.length > 0 ? now : null),
    deliveredAt,
    updatedAt: now,
    summaryRevision: (order.summaryRevision ?? 0) + 1,
  }
}
