import { NUMBER_PATTERNS } from './numberPatterns'

/** Trim, drop spaces and dashes, uppercase: how people paste numbers (§8 "Normalise first"). */
export function normaliseTrackingNo(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase()
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7]

/** UPU S10 check digit (§8): weights 8 6 4 2 3 5 9 7, c = 11 − s mod 11, 10 → 0, 11 → 5. */
export function isValidS10(number: string): boolean {
  const [, serial, checkDigit] = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(number) ?? []
  if (serial === undefined || checkDigit === undefined) return false
  const sum = S10_WEIGHTS.reduce((total, weight, index) => total + Number(serial.charAt(index)) * weight, 0)
  const check = 11 - (sum % 11)
  const expected = check === 10 ? 0 : check === 11 ? 5 : check
  return Number(checkDigit) === expected
}

/** Candidate carrier codes, most likely first; empty when nothing in the table matches. */
export function recognizeNumber(raw: string): string[] {
  const number = normaliseTrackingNo(raw)
  const candidates: string[] = []
  for (const { carrier, pattern, s10 } of NUMBER_PATTERNS) {
    if (!pattern.test(number)) continue
    if (s10 && !isValidS10(number)) continue
    if (!candidates.includes(carrier)) candidates.push(carrier)
  }
  return candidates
}
