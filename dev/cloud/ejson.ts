// The SDK sends query, data, order and projection as canonical EJSON strings and parses every
// returned document string with EJSON (reference/cloud-emulation.md §1.4). Stored values are plain
// JS: numbers, strings, booleans, null, Date, RegExp, arrays and objects.
import { BSONRegExp, EJSON } from 'bson'
import { fail, ok, type CloudResult } from './errors'

export type Doc = Record<string, unknown>

const SERVER_DATE = '$tcb_server_date'

/** Decodes one EJSON string, substituting `db.serverDate({offset})` with the server clock. */
export function decodeEjson(text: unknown, nowMs: number, what: string): CloudResult<unknown> {
  if (typeof text !== 'string') return fail('DATABASE_REQUEST_FAILED', `${what} must be an EJSON string`)
  let parsed: unknown
  try {
    parsed = EJSON.parse(text, { relaxed: true })
  } catch (error) {
    return fail('DATABASE_REQUEST_FAILED', `invalid EJSON in ${what}: ${(error as Error).message}`)
  }
  return normalise(parsed, nowMs, what)
}

/** Like decodeEjson, but the value must be a document (a plain object). */
export function decodeDocument(text: unknown, nowMs: number, what: string): CloudResult<Doc> {
  const decoded = decodeEjson(text, nowMs, what)
  if (!decoded.ok) return decoded
  if (!isPlainObject(decoded.value)) return fail('DATABASE_REQUEST_FAILED', `${what} must be an object`)
  return ok(decoded.value)
}

export function encodeDocument(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: false })
}

/** A plain object from any realm (jest runs tests in a separate vm context with its own Object). */
export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}

function normalise(value: unknown, nowMs: number, what: string): CloudResult<unknown> {
  if (value === null || typeof value !== 'object') return ok(value)
  if (value instanceof Date) return ok(value)
  if (value instanceof RegExp) return ok(value)
  if (value instanceof BSONRegExp) {
    try {
      return ok(new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, '')))
    } catch (error) {
      return fail('DATABASE_REQUEST_FAILED', `invalid regular expression in ${what}: ${(error as Error).message}`)
    }
  }
  if (Array.isArray(value)) {
    const items: unknown[] = []
    for (const item of value) {
      const normalised = normalise(item, nowMs, what)
      if (!normalised.ok) return normalised
      items.push(normalised.value)
    }
    return ok(items)
  }
  if (!isPlainObject(value)) {
    return fail('DATABASE_REQUEST_FAILED', `unsupported BSON type ${value.constructor?.name ?? 'unknown'} in ${what}`)
  }
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === SERVER_DATE) return serverDate(value[SERVER_DATE], nowMs, what)
  const out: Doc = {}
  for (const key of keys) {
    const normalised = normalise(value[key], nowMs, what)
    if (!normalised.ok) return normalised
    out[key] = normalised.value
  }
  return ok(out)
}

function serverDate(spec: unknown, nowMs: number, what: string): CloudResult<Date> {
  const offset = isPlainObject(spec) ? (spec.offset ?? 0) : 0
  if (typeof offset !== 'number' || !Number.isFinite(offset)) {
    return fail('DATABASE_REQUEST_FAILED', `serverDate offset must be a number in ${what}`)
  }
  return ok(new Date(nowMs + offset))
}
