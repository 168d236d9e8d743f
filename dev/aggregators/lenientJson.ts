// Kdniao's own demos send pseudo-JSON with single quotes ({'ShipperCode':'SF',…}) and some clients
// use lower-camel keys; the .NET server evidently accepts both (reference/aggregators.md §1.2,
// inferred). This parser accepts strict JSON plus single-quoted strings, nothing more.

export type LenientParse = { ok: true; value: unknown } | { ok: false; reason: 'invalid-json'; at: number }

class Cursor {
  index = 0
  constructor(readonly text: string) {}
  skipSpace(): void {
    while (/\s/.test(this.text[this.index] ?? '')) this.index += 1
  }
  peek(): string | undefined {
    this.skipSpace()
    return this.text[this.index]
  }
  expect(char: string): void {
    if (this.peek() !== char) throw new SyntaxError(`expected ${char}`)
    this.index += 1
  }
}

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

function readString(cursor: Cursor): string {
  const quote = cursor.peek()
  if (quote !== '"' && quote !== "'") throw new SyntaxError('expected a string')
  cursor.index += 1
  let out = ''
  for (;;) {
    const char = cursor.text[cursor.index++]
    if (char === undefined) throw new SyntaxError('unterminated string')
    if (char === quote) return out
    if (char !== '\\') {
      out += char
      continue
    }
    const escape = cursor.text[cursor.index++]
    if (escape === 'u') {
      const hex = cursor.text.slice(cursor.index, cursor.index + 4)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxError('bad \\u escape')
      out += String.fromCharCode(parseInt(hex, 16))
      cursor.index += 4
    } else if (escape !== undefined && escape in ESCAPES) {
      out += ESCAPES[escape]
    } else {
      throw new SyntaxError('bad escape')
    }
  }
}

function readValue(cursor: Cursor): unknown {
  const char = cursor.peek()
  if (char === '{') {
    cursor.index += 1
    const object: Record<string, unknown> = {}
    if (cursor.peek() === '}') {
      cursor.index += 1
      return object
    }
    for (;;) {
      const key = readString(cursor)
      cursor.expect(':')
      object[key] = readValue(cursor)
      if (cursor.peek() === ',') {
        cursor.index += 1
        continue
      }
      cursor.expect('}')
      return object
    }
  }
  if (char === '[') {
    cursor.index += 1
    const array: unknown[] = []
    if (cursor.peek() === ']') {
      cursor.index += 1
      return array
    }
    for (;;) {
      array.push(readValue(cursor))
      if (cursor.peek() === ',') {
        cursor.index += 1
        continue
      }
      cursor.expect(']')
      return array
    }
  }
  if (char === '"' || char === "'") return readString(cursor)
  const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(cursor.text.slice(cursor.index))
  if (!literal) throw new SyntaxError('unexpected character')
  cursor.index += literal[0].length
  return JSON.parse(literal[0]) as unknown
}

export function parseLenientJson(text: string): LenientParse {
  const cursor = new Cursor(text)
  try {
    const value = readValue(cursor)
    if (cursor.peek() !== undefined) return { ok: false, reason: 'invalid-json', at: cursor.index }
    return { ok: true, value }
  } catch {
    return { ok: false, reason: 'invalid-json', at: cursor.index }
  }
}

/** Rewrites an object's keys to the canonical spelling when they match ignoring case. */
export function canonicalKeys(value: unknown, canonical: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const byLower = new Map(canonical.map((name) => [name.toLowerCase(), name]))
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) out[byLower.get(key.toLowerCase()) ?? key] = field
  return out
}
