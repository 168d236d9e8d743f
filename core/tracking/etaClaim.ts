// A vendor's estimated delivery time (Kdniao EstimatedDeliveryTime). Among several, the one from the
// snapshot with the newest events wins (`asOf`), then the later estimate, then the vendor name: a
// total order, so the choice never depends on arrival order.
import type { Vendor } from './trackingEvent'
import type { VendorInstant } from './vendorTime'

export interface EtaClaim extends VendorInstant {
  vendor: Vendor
  /** Newest event time of the snapshot that carried the estimate (null: it had no events). */
  asOf: number | null
}

export function preferredEta(a: EtaClaim | null, b: EtaClaim | null): EtaClaim | null {
  if (!a || !b) return a ?? b
  const asOfA = a.asOf ?? -Infinity
  const asOfB = b.asOf ?? -Infinity
  if (asOfA !== asOfB) return asOfA > asOfB ? a : b
  if (a.at !== b.at) return a.at > b.at ? a : b
  const keyA = `${a.vendor}|${a.zone}|${a.localTime}`
  const keyB = `${b.vendor}|${b.zone}|${b.localTime}`
  return keyA >= keyB ? a : b
}
