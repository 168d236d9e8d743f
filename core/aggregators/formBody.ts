// application/x-www-form-urlencoded by hand: URLSearchParams is missing on older WeChat base
// libraries, and signature checks need the exact field strings after exactly one decode
// (aggregators.md §1.2 "Double encoding", §10 "parse form bodies by hand (single decode)").
import { utf8Bytes } from '../crypto/utf8'

// WHATWG form serialisation (the same bytes as Java's URLEncoder): unreserved `*-._`, space → `+`,
// everything else percent-encoded in upper case. This reproduces the Kdniao form vector exactly.
const HEX = '0123456789ABCDEF'
const isUnreserved = (byte: number) =>
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) ||
  byte === 0x2a || byte === 0x2d || byte === 0x2e || byte === 0x5f

export function encodeFormComponent(value: string): string {
  let out = ''
  for (const byte of utf8Bytes(value)) {
    if (isUnreserved(byte)) out += String.fromCharCode(byte)
    else if (byte === 0x20) out += '+'
    else out += `%${HEX[byte >> 4]}${HEX[byte & 0x0f]}`
  }
  return out
}

/** Fields in the given order; vendors do not care, but a stable body makes requests comparable. */
export function encodeForm(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields.map(([name, value]) => `${encodeFormComponent(name)}=${encodeFormComponent(value)}`).join('&')
}

export type FormDecodeResult = { ok: true; value: string } | { ok: false; reason: 'malformed' }

export function decodeFormComponent(value: string): FormDecodeResult {
  try {
    return { ok: true, value: decodeURIComponent(value.replace(/\+/g, ' ')) }
  } catch {
    return { ok: false, reason: 'malformed' }
  }
}

export type ParsedForm = { ok: true; fields: Map<string, string> } | { ok: false; reason: 'malformed'; detail: string }

/** Decodes each field once. A repeated field is malformed: which copy was signed would be a guess. */
export function parseFormBody(body: string): ParsedForm {
  const fields = new Map<string, string>()
  for (const pair of body.split('&')) {
    if (pair === '') continue
    const separator = pair.indexOf('=')
    const name = decodeFormComponent(separator === -1 ? pair : pair.slice(0, separator))
    const value = decodeFormComponent(separator === -1 ? '' : pair.slice(separator + 1))
    if (!name.ok || !value.ok) return { ok: false, reason: 'malformed', detail: 'invalid percent-encoding' }
    if (fields.has(name.value)) return { ok: false, reason: 'malformed', detail: `repeated field ${name.value}` }
    fields.set(name.value, value.value)
  }
  return { ok: true, fields }
}
