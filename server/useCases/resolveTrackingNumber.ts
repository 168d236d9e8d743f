// From what the merchant typed to a (carrier, number, phone tail) we can subscribe. A given carrier is
// used as is, never overridden; without one the number must identify exactly one carrier (an
// ambiguous number lists the candidates, never a guess: aggregators.md §8). The phone tail defaults to
// the order's receiver phone, whose last four digits are kept clear for this.
import type { BackfillEntry, BackfillEntryResult, MaskedAddress } from '../../core/api'
import { carrierInfo, checkTrackingNumber, detectCarrier, type CarrierCode } from '../../core/carriers'
import { phoneTailFromMasked } from '../../core/orders'

export type ResolvedNumber =
  { ok: true; carrier: CarrierCode; trackingNo: string; phoneTail: string | null } | Extract<BackfillEntryResult, { ok: false }>

export function resolveTrackingNumber(
  entry: Pick<BackfillEntry, 'trackingNo' | 'carrier' | 'phoneTail'>,
  address: MaskedAddress,
): ResolvedNumber {
  let carrier = entry.carrier
  let trackingNo = entry.trackingNo
  if (!carrier) {
    const detected = detectCarrier(entry.trackingNo)
    if (!detected.ok) {
      switch (detected.reason) {
        case 'ambiguous': {
          const candidates = detected.candidates.map((candidate) => candidate.carrier)
          return {
            ok: false,
            reason: 'ambiguous_carrier',
            message: `${detected.trackingNo} could be ${candidates.join(' / ')}: choose the carrier`,
            candidates,
          }
        }
        case 'unrecognised':
          return { ok: false, reason: 'unrecognised_carrier', message: `no carrier recognises ${detected.trackingNo}: choose the carrier` }
        case 'invalid_check_digit':
          return { ok: false, reason: 'invalid_tracking_number', message: `${detected.trackingNo} fails its UPU S10 check digit` }
        default:
          return { ok: false, reason: 'invalid_tracking_number', message: `not a tracking number (${detected.detail})` }
      }
    }
    carrier = detected.carrier
    trackingNo = detected.trackingNo
  }
  const phoneTail = entry.phoneTail ?? phoneTailFromMasked(address.telMasked)
  const checked = checkTrackingNumber({ carrier, trackingNo, phoneTail })
  if (!checked.ok) {
    switch (checked.reason) {
      case 'phone_tail_required':
        return {
          ok: false,
          reason: 'phone_tail_required',
          message: `${carrierInfo(checked.carrier).names['zh-CN']} needs the last 4 digits of the sender's or receiver's phone`,
        }
      case 'invalid_format':
        return { ok: false, reason: 'invalid_tracking_number', message: `not a tracking number (${checked.detail})` }
      default:
        return { ok: false, reason: 'invalid_entry', message: checked.reason }
    }
  }
  // The tail is kept only where a vendor asks for it (SF, 丰网, ZTO): it is a piece of a phone number.
  const keepTail = carrierInfo(checked.carrier).phoneTail !== 'none'
  return { ok: true, carrier: checked.carrier, trackingNo: checked.trackingNo, phoneTail: keepTail ? checked.phoneTail : null }
}
