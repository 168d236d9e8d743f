// What the pipeline needs from a tracking aggregator: subscribe a number (pushes follow) and query it
// now (poll and refresh). Both adapters are built on core/aggregators' builders and parsers; this
// layer only does the HTTP and turns every answer into a value with a `retryable` verdict. The
// adapters import this contract; vendorClientFor.ts picks one (so neither knows the other).
import type { TrackingVendor } from '../../core/api'
import type { CarrierCode } from '../../core/carriers'
import type { TrackingSnapshot } from '../../core/tracking'

export interface VendorParcel {
  carrier: CarrierCode
  trackingNo: string
  phoneTail: string | null
  destination: { province: string; city: string }
}

export type SubscribeOutcome = { ok: true; alreadySubscribed: boolean } | { ok: false; retryable: boolean; error: string }

export type QueryOutcome =
  | { ok: true; snapshot: TrackingSnapshot }
  /** `no_result`: the vendor has nothing for the number yet (Kuaidi100 500); not a fault. */
  | { ok: false; reason: 'no_result' | 'unavailable' | 'refused'; retryable: boolean; error: string }

export interface TrackingVendorClient {
  vendor: TrackingVendor
  subscribe(parcel: VendorParcel): Promise<SubscribeOutcome>
  query(parcel: VendorParcel): Promise<QueryOutcome>
}

/** Per request. Kdniao expects a push ack within 5 s and Kuaidi100 times out at 20 s (§1.6, §2.5);
 * our own calls get the shorter figure so a hung vendor cannot eat a function's whole timeout. */
export const VENDOR_TIMEOUT_MS = 5000

export function transportError(answer: { reason: string; detail: string }): { ok: false; retryable: true; error: string } {
  return { ok: false, retryable: true, error: `${answer.reason}: ${answer.detail}` }
}
