// application/x-www-form-urlencoded without URLSearchParams: it is missing on older WeChat base
// libraries, and signature checks need the exact field strings after exactly one decode
// (aggregators.md §1.2 "Double encoding", §10 "parse form bodies by hand (single decode)").

// WHATWG form serialisation (the same bytes as Java's URLEncoder): unreserved `*-._`, space → `+`,
// everything else percent-encoded UTF-8 in upper case. encodeURIComponent does the UTF-8 and the
// percent-encoding; it leaves `!'()~` bare, which forms encode, and throws on a lone surrogate, which
// forms send as U+FFFD. This reproduces the Kdniao form vector exactly.
// (No lookbehind: older iOS JavaScriptCore rejects it at parse time.)
const SURROGATES = /[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g
const BARE_IN_URI_COMPONENT = /[!'()~]/g
const wellFormed = (value: string) => value.replace(SURROGATES, (unit) => (unit.length === 2 ? unit : '\ufffd'))

export function encodeFormComponent(value: string): string {
  return encodeURIComponent(wellFormed(value))
    .replace(BARE_IN_URI_COMPONENT, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
}

/** Fields in the given order; vendors do not care, but a stable body makes requests comparable. */
export function encodeForm(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields.map(([name, value]) => `${encodeFormComponent(name)}=${encodeFormComponent(value)}`).join('&')
}

export type FormDecodeResult = { ok: true; value: string } | { ok: false; reason: 'malformed' }

export function decodeFormComponent(value: string): FormDecodeResult {
  try {
    const spaced = value.includes('+') ? value.replace(/\+/g, ' ') : value
    return { ok: true, value: spaced.includes('%') ? decodeURIComponent(spaced) : spaced }
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
