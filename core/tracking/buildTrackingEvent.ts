// One vendor trace line → TrackingEvent. Shared by every vendor adapter so identity, masking and
// courier extraction are the same whichever aggregator reported the scan.
import type { CarrierCode } from '../carriers/carrierRegistry'
import type { Digests } from '../crypto/digests'
import { extractCourier } from '../privacy/extractCourier'
import { maskPhones } from '../privacy/maskPhones'
import { inferStatusFromText } from './inferStatusFromText'
import type { StatusMapping } from './mapVendorStatus'
import { trackingEventId, type TrackingEvent, type Vendor } from './trackingEvent'
import { parseVendorTime } from './vendorTime'

export interface TraceLine {
  vendor: Vendor
  carrier: CarrierCode
  trackingNo: string
  /** Vendor time text, e.g. Kdniao `AcceptTime`, Kuaidi100 `ftime`. */
  time: string
  /** Vendor free text, e.g. Kdniao `AcceptStation`, Kuaidi100 `context`. */
  text: string
  location?: string | null
  /** Mapped per-scan vendor code; when absent the status is inferred from the text. */
  code?: StatusMapping
}

export type BuildEventResult = { ok: true; event: TrackingEvent } | { ok: false; reason: 'unparsable_time'; time: string }

// Vendors pad with runs of spaces, tabs and full-width spaces; collapsing them keeps the same scan
// from two vendors on one id.
const collapseWhitespace = (text: string) => text.replace(/[\s\u3000]+/g, ' ').trim()

export function buildTrackingEvent(line: TraceLine, digests: Digests): BuildEventResult {
  const time = parseVendorTime(line.time)
  if (!time.ok) return { ok: false, reason: 'unparsable_time', time: line.time }
  const rawText = collapseWhitespace(line.text)
  const text = maskPhones(rawText)
  const status = line.code ?? inferStatusFromText(rawText)
  const location = line.location ? collapseWhitespace(line.location) : ''
  const courier = extractCourier(rawText)
  // Optional fields are added only when present (documents carry no `undefined`), by assignment
  // rather than spreads: a push builds thousands of these.
  const event: TrackingEvent = {
    id: trackingEventId({ carrier: line.carrier, trackingNo: line.trackingNo, at: time.at, text }, digests),
    at: time.at,
    zone: time.zone,
    localTime: time.localTime,
    text,
    status: status.status,
    vendor: line.vendor,
  }
  if (location) event.location = location
  if (status.subStatus) event.subStatus = status.subStatus
  if (line.code) event.rawCode = line.code.rawCode
  if (courier) event.courier = courier
  return { ok: true, event }
}
