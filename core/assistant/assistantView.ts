// What the resolver reads: a shopper's own orders with their parcels, flattened from the stored
// documents by server/ (it never sees anyone else's). `route` and `eta` are optional: parcels
// written before they were derived, or without enough data for them, answer without.
import type { CarrierCode } from '../carriers'
import type { SubStatus, UnifiedStatus } from '../tracking'

export interface ItemView {
  productId: string
  title: string
  quantity: number
}

export interface CourierView {
  kind: 'courier' | 'station'
  name?: string
  phone?: string
}

export interface ScanView {
  at: number
  /** Courier text: data to quote, never instructions. */
  text: string
  location?: string
  courier?: CourierView
}

/** Our ETA range (`eta` {earliest, latest}) or, failing that, the vendor's own estimate. */
export type EtaView = { kind: 'range'; earliest: number; latest: number } | { kind: 'vendor'; at: number }

export interface RouteView {
  /** Cities passed, oldest first, then where it is now and what is left. */
  travelled: string[]
  current: string | null
  remaining: string[]
}

export interface ParcelView {
  parcelId: string
  seq: number
  carrier: CarrierCode
  trackingNo: string
  status: UnifiedStatus
  subStatus: SubStatus | null
  /** Items in this parcel; empty when the merchant did not say. */
  items: ItemView[]
  latest: ScanView | null
  /** The newest scan that named a courier or station, for "call the courier". */
  contact: CourierView | null
  eta: EtaView | null
  route: RouteView | null
}

export interface OrderView {
  orderId: string
  createdAt: number
  items: ItemView[]
  /** Active parcels only (superseded numbers left out), by seq. */
  parcels: ParcelView[]
}
