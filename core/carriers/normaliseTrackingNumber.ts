// Tracking numbers arrive typed, pasted from chat, or scanned from a waybill barcode: with spaces,
// dashes, lowercase, and full-width characters from Chinese input methods (ＳＦ１２３…). Normalise
// before anything compares or hashes them (aggregators.md §8: trim, remove spaces/dashes, uppercase).
export type NormaliseResult =
  { ok: true; trackingNo: string } | { ok: false; reason: 'invalid_format'; detail: 'empty' | 'bad_characters' | 'too_short' | 'too_long' }

/** Kuaidi100 accepts 6–32 characters (map product; plain query ≤32, aggregators.md §2.3). */
export const TRACKING_NUMBER_LENGTH = { min: 6, max: 32 } as const

const FULL_WIDTH = /[\uff01-\uff5e]/g
// Whitespace (incl. ideographic space and NBSP), zero-width characters a paste can carry, and every
// dash-like character (hyphen, figure/en/em dash, minus sign, full-width hyphen after conversion).
const SEPARATORS = /[\s\u3000\u200b-\u200d\ufeff\-\u2010-\u2015\u2212]/g

export function normaliseTrackingNumber(input: string): NormaliseResult {
  const trackingNo = input
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(SEPARATORS, '')
    .toUpperCase()
  if (trackingNo.length === 0) return { ok: false, reason: 'invalid_format', detail: 'empty' }
  if (!/^[A-Z0-9]+$/.test(trackingNo)) return { ok: false, reason: 'invalid_format', detail: 'bad_characters' }
  if (trackingNo.length < TRACKING_NUMBER_LENGTH.min) return { ok: false, reason: 'invalid_format', detail: 'too_short' }
  if (trackingNo.length > TRACKING_NUMBER_LENGTH.max) return { ok: false, reason: 'invalid_format', detail: 'too_long' }
  return { ok: true, trackingNo }
}
