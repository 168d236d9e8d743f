// What every vendor adapter produces from one waybill in a push or a query answer: the full list of
// scans it reported plus the waybill-level facts. Vendors send full snapshots (aggregators.md §1.6,
// §2.5), but nothing here relies on that: merging is a union, so partial snapshots work too.
import type { CarrierCode } from '../carriers/carrierRegistry'
import type { VendorMap } from '../geo/vendorMap'
import type { EtaClaim } from './etaClaim'
import type { TrackingEvent, Vendor } from './trackingEvent'
import type { TrackingSignal } from './trackingSignal'

export interface TrackingSnapshot {
  vendor: Vendor
  carrier: CarrierCode
  trackingNo: string
  events: TrackingEvent[]
  signals: TrackingSignal[]
  eta: EtaClaim | null
  /** The vendor's map variant fields (core/geo/vendorMap), when it sent any. */
  map?: VendorMap | null
}

/** The `asOf` of a snapshot's signals and ETA: its newest event time, or null without events. */
export function snapshotAsOf(events: readonly TrackingEvent[]): number | null {
  return events.reduce<number | null>((newest, event) => (newest === null || event.at > newest ? event.at : newest), null)
}
