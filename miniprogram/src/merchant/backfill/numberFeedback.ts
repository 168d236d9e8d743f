// Live feedback while the merchant types or scans one tracking number: the normalised number, the
// detected carrier (or the candidates to pick from when a number fits several — anchors.md A.4 §2),
// warnings when a picked carrier does not fit the number, and whether the phone tail is needed.
// An explicit pick is never overridden by detection; the server re-checks all of it.
import { carrierInfo, type CarrierCode, type PhoneTailRule } from '@core/carriers/carrierRegistry'
import { carrierCandidates, detectCarrier } from '@core/carriers/detectCarrier'
import { normaliseTrackingNumber } from '@core/carriers/normaliseTrackingNumber'

export interface NumberFeedbackInput {
  input: string
  /** The merchant's own choice; null while detection decides. */
  picked: CarrierCode | null
  phoneTail: string
}

export type NumberProblem = 'empty' | 'too_short' | 'too_long' | 'bad_characters' | 'invalid_check_digit'
export type NumberWarning = { kind: 'pattern_mismatch'; detected: CarrierCode[] } | { kind: 'check_digit' } | { kind: 'low_confidence' }

export interface NumberFeedback {
  trackingNo: string | null
  problem: NumberProblem | null
  detection: 'none' | 'detected' | 'ambiguous' | 'unrecognised'
  carrier: CarrierCode | null
  source: 'picked' | 'detected' | null
  /** Ambiguous: the carriers the number fits; empty otherwise (the page then offers every carrier). */
  candidates: CarrierCode[]
  warnings: NumberWarning[]
  phoneTail: { rule: PhoneTailRule; value: string | null; problem: 'missing' | 'invalid' | null }
  ready: boolean
}

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g

function phoneTailState(carrier: CarrierCode | null, raw: string): NumberFeedback['phoneTail'] {
  const rule: PhoneTailRule = carrier ? carrierInfo(carrier).phoneTail : 'none'
  const value = raw.replace(FULL_WIDTH_DIGIT, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\s/g, '')
  if (value === '') return { rule, value: null, problem: rule === 'required' ? 'missing' : null }
  return { rule, value, problem: /^\d{4}$/.test(value) ? null : 'invalid' }
}

export function numberFeedback({ input, picked, phoneTail }: NumberFeedbackInput): NumberFeedback {
  const tail = phoneTailState(picked, phoneTail)
  const none = {
    trackingNo: null,
    detection: 'none' as const,
    carrier: picked,
    source: picked ? ('picked' as const) : null,
    candidates: [],
    warnings: [],
    phoneTail: tail,
    ready: false,
  }
  const normalised = normaliseTrackingNumber(input)
  if (!normalised.ok) return { ...none, problem: normalised.detail }
  const { trackingNo } = normalised
  const detection = detectCarrier(trackingNo)
  const candidates = detection.ok || detection.reason === 'ambiguous' ? detection.candidates.map((candidate) => candidate.carrier) : []
  const state = detection.ok ? 'detected' : detection.reason === 'ambiguous' ? 'ambiguous' : 'unrecognised'
  const warnings: NumberWarning[] = []
  let problem: NumberProblem | null = null
  if (!detection.ok && detection.reason === 'invalid_check_digit') {
    // With a carrier picked the server accepts the number (the choice stands): a warning, not a stop.
    if (picked) warnings.push({ kind: 'check_digit' })
    else problem = 'invalid_check_digit'
  }

  let carrier: CarrierCode | null = picked
  if (picked) {
    const fits = carrierCandidates(trackingNo)
    if (fits !== 'invalid_check_digit' && fits.length > 0 && !fits.some((candidate) => candidate.carrier === picked)) {
      warnings.push({ kind: 'pattern_mismatch', detected: fits.map((candidate) => candidate.carrier) })
    }
  } else if (detection.ok) {
    carrier = detection.carrier
    if (detection.confidence === 'low') warnings.push({ kind: 'low_confidence' })
  }
  const phone = phoneTailState(carrier, phoneTail)
  return {
    trackingNo,
    problem,
    detection: state,
    carrier,
    source: picked ? 'picked' : carrier ? 'detected' : null,
    candidates: state === 'ambiguous' ? candidates : [],
    warnings,
    phoneTail: phone,
    ready: problem === null && carrier !== null && phone.problem === null,
  }
}
