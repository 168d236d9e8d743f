// Courier text goes into answers that an AI assistant reads, so it is quoted as data: control and
// format characters (bidi overrides, zero-width joiners) removed, our own quote marks neutralised so
// a scan cannot close the quote and speak for itself, phones masked, and the length capped.
import { maskPhones } from '../privacy'

export const MAX_QUOTED_CHARS = 120

/** C0/C1 controls, zero-width and bidi formatting characters, line/paragraph separators, BOM. */
function invisible(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  )
}

export function cleanCourierText(text: string): string {
  const visible = Array.from(text, (char) => (invisible(char.codePointAt(0) ?? 0) ? ' ' : char)).join('')
  const flat = visible
    .replace(/[「」『』]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
  const masked = maskPhones(flat)
  const chars = Array.from(masked)
  return chars.length > MAX_QUOTED_CHARS ? `${chars.slice(0, MAX_QUOTED_CHARS).join('')}…` : masked
}

/** `「…」`: the only form in which vendor text appears in an answer. */
export function quoteCourierText(text: string): string {
  return `「${cleanCourierText(text)}」`
}
