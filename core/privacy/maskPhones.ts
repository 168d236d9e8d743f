// Display text must not carry a courier's or station's full number (anchors.md R.2 §8): mobiles keep
// the first 3 and last 4 digits (138****1234, the form carriers themselves print); landlines keep the
// area code and last 4. Already-masked numbers come out unchanged. Service hotlines (95xxx, 400/800)
// are public business numbers and stay.
import { LANDLINE, MOBILE } from './phonePatterns'

// Both shapes end in four digits; a line without any is returned as it is (most scan lines).
const FOUR_DIGITS = /\d{4}/

export function maskPhones(text: string): string {
  if (!FOUR_DIGITS.test(text)) return text
  return text
    .replace(
      MOBILE,
      (_match, boundary: string, prefix: string, head: string, _middle: string, tail: string) => `${boundary}${prefix}${head}****${tail}`,
    )
    .replace(
      LANDLINE,
      (_match, boundary: string, open: string, area: string, separator: string, subscriber: string) =>
        `${boundary}${open}${area}${separator}${'*'.repeat(subscriber.length - 4)}${subscriber.slice(-4)}`,
    )
}
