// Which carrier issued a tracking number, as ranked candidates. Order of evidence (aggregators.md §8):
// S10 with its check digit, then explicit prefixes, then numeric families. Two or more candidates at
// the top confidence are `ambiguous`: the pipeline asks the merchant instead of guessing, because a
// wrong guess files scans under the wrong parcel (anchors.md A.4 §2).
import { CARRIER_CODES, type CarrierCode } from './carrierRegistry'
import { normaliseTrackingNumber, type NormaliseResult } from './normaliseTrackingNumber'
import { NUMBER_PATTERNS, type Confidence } from './numberPatterns'
import { parseS10 } from './upuS10'

export interface CarrierCandidate {
  carrier: CarrierCode
  confidence: Confidence
  /** Which rule matched, for the merchant-facing explanation and for debugging. */
  rule: string
}

export type DetectionResult =
  | { ok: true; trackingNo: string; carrier: CarrierCode; confidence: Confidence; candidates: CarrierCandidate[] }
  | { ok: false; reason: 'ambiguous'; trackingNo: string; candidates: CarrierCandidate[] }
  | { ok: false; reason: 'invalid_check_digit'; trackingNo: string; candidates: [] }
  | { ok: false; reason: 'unrecognised'; trackingNo: string; candidates: [] }
  | (Extract<NormaliseResult, { ok: false }> & { input: string; candidates: [] })

const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 3, medium: 2, low: 1 }
const registryOrder = (carrier: CarrierCode) => CARRIER_CODES.indexOf(carrier)

function byStrength(a: CarrierCandidate, b: CarrierCandidate): number {
  return CONFIDENCE_ORDER[b.confidence] - CONFIDENCE_ORDER[a.confidence] || registryOrder(a.carrier) - registryOrder(b.carrier)
}

/** Candidates for an already normalised number (no ambiguity decision). */
export function carrierCandidates(trackingNo: string): CarrierCandidate[] | 'invalid_check_digit' {
  const s10 = parseS10(trackingNo)
  if (s10.kind === 'bad_check_digit') return 'invalid_check_digit'
  if (s10.kind === 'valid') {
    // E* is EMS; every other S10 service (R registered, C/V parcels, L…) is China Post in China. A
    // foreign issuing post is handed to China Post on arrival, but that is an inference: medium.
    const confidence: Confidence = s10.country === 'CN' ? 'high' : 'medium'
    return [{ carrier: s10.service.startsWith('E') ? 'EMS' : 'YZPY', confidence, rule: `UPU S10 ${s10.service}…${s10.country}` }]
  }
  const best = new Map<CarrierCode, CarrierCandidate>()
  for (const { carrier, pattern, confidence } of NUMBER_PATTERNS) {
    if (!pattern.test(trackingNo)) continue
    const existing = best.get(carrier)
    if (!existing || CONFIDENCE_ORDER[confidence] > CONFIDENCE_ORDER[existing.confidence]) {
      best.set(carrier, { carrier, confidence, rule: pattern.source })
    }
  }
  return [...best.values()].sort(byStrength)
}

export function detectCarrier(input: string): DetectionResult {
  const normalised = normaliseTrackingNumber(input)
  if (!normalised.ok) return { ...normalised, input, candidates: [] }
  const { trackingNo } = normalised
  const candidates = carrierCandidates(trackingNo)
  if (candidates === 'invalid_check_digit') return { ok: false, reason: 'invalid_check_digit', trackingNo, candidates: [] }
  const [best] = candidates
  if (!best) return { ok: false, reason: 'unrecognised', trackingNo, candidates: [] }
  const top = candidates.filter((candidate) => candidate.confidence === best.confidence)
  if (top.length > 1) return { ok: false, reason: 'ambiguous', trackingNo, candidates }
  return { ok: true, trackingNo, carrier: best.carrier, confidence: best.confidence, candidates }
}
