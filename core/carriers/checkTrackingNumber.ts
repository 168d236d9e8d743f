// Validates a number against the carrier the merchant chose. The choice is never overridden: a number
// that looks like another carrier's is a warning the admin page shows, not an error (a practitioner
// reports auto-detection silently switching ZTO to Deppon; aggregators.md §8).
import { carrierInfo, isCarrierCode, type CarrierCode } from './carrierRegistry'
import { carrierCandidates, type CarrierCandidate } from './detectCarrier'
import { normaliseTrackingNumber, type NormaliseResult } from './normaliseTrackingNumber'
import { NUMBER_PATTERNS } from './numberPatterns'

export interface ShipmentNumberInput {
  carrier: string
  trackingNo: string
  /** Last 4 digits of the sender's or receiver's phone (SF, 丰网: required; ZTO: recommended). */
  phoneTail?: string | null
}

export type TrackingNumberWarning =
  | { kind: 'pattern_mismatch'; carrier: CarrierCode; detected: CarrierCandidate[] }
  | { kind: 'invalid_check_digit'; carrier: CarrierCode }
  | { kind: 'phone_tail_recommended'; carrier: CarrierCode }

export type TrackingNumberCheck =
  | { ok: true; carrier: CarrierCode; trackingNo: string; phoneTail: string | null; warnings: TrackingNumberWarning[] }
  | { ok: false; reason: 'unknown_carrier'; carrier: string }
  | { ok: false; reason: 'phone_tail_required'; carrier: CarrierCode }
  | { ok: false; reason: 'invalid_phone_tail'; carrier: CarrierCode }
  | (Extract<NormaliseResult, { ok: false }> & { input: string })

const HAS_PATTERN = new Set<string>(NUMBER_PATTERNS.map((entry) => entry.carrier).concat(['EMS', 'YZPY']))
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g

function normalisePhoneTail(phoneTail: string): string {
  return phoneTail.replace(FULL_WIDTH_DIGIT, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\s/g, '')
}

function numberWarnings(carrier: CarrierCode, trackingNo: string): TrackingNumberWarning[] {
  const candidates = carrierCandidates(trackingNo)
  if (candidates === 'invalid_check_digit') return [{ kind: 'invalid_check_digit', carrier }]
  // A carrier without known shapes cannot be contradicted.
  if (!HAS_PATTERN.has(carrier) || candidates.some((candidate) => candidate.carrier === carrier)) return []
  return [{ kind: 'pattern_mismatch', carrier, detected: candidates }]
}

export function checkTrackingNumber(input: ShipmentNumberInput): TrackingNumberCheck {
  const carrier = input.carrier.trim().toUpperCase()
  if (!isCarrierCode(carrier)) return { ok: false, reason: 'unknown_carrier', carrier: input.carrier }
  const normalised = normaliseTrackingNumber(input.trackingNo)
  if (!normalised.ok) return { ...normalised, input: input.trackingNo }
  const phoneTail = input.phoneTail ? normalisePhoneTail(input.phoneTail) : ''
  if (phoneTail !== '' && !/^\d{4}$/.test(phoneTail)) return { ok: false, reason: 'invalid_phone_tail', carrier }
  const rule = carrierInfo(carrier).phoneTail
  if (rule === 'required' && phoneTail === '') return { ok: false, reason: 'phone_tail_required', carrier }
  const warnings = numberWarnings(carrier, normalised.trackingNo)
  if (rule === 'recommended' && phoneTail === '') warnings.push({ kind: 'phone_tail_recommended', carrier })
  return { ok: true, carrier, trackingNo: normalised.trackingNo, phoneTail: phoneTail || null, warnings }
}
