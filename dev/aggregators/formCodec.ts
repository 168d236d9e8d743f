// application/x-www-form-urlencoded, decoded exactly once. Both vendors sign the once-decoded
// field values, so a client that percent-encodes a value and then hands it to a form encoder
// (`%253D` on the wire) must see its signature fail here, as it would in production
// (reference/aggregators.md §1.2 "Double encoding").

export type FormFields = ReadonlyMap<string, string>

export type FormParse =
  { ok: true; fields: FormFields } | { ok: false; reason: 'malformed-percent-encoding' | 'duplicate-field'; field: string }

function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

export function parseForm(body: string): FormParse {
  const fields = new Map<string, string>()
  for (const pair of body.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const rawName = eq === -1 ? pair : pair.slice(0, eq)
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1)
    const name = decodeComponent(rawName)
    const value = decodeComponent(rawValue)
    if (name === undefined) return { ok: false, reason: 'malformed-percent-encoding', field: rawName }
    if (value === undefined) return { ok: false, reason: 'malformed-percent-encoding', field: name }
    // Two values for one signed field leave it ambiguous which one was signed; refuse rather than guess.
    if (fields.has(name)) return { ok: false, reason: 'duplicate-field', field: name }
    fields.set(name, value)
  }
  return { ok: true, fields }
}

/** Encodes once, in the given field order, the way the official demos build their bodies. */
export function encodeForm(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')
}
