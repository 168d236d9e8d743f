// Pasted or uploaded backfill lines: `orderId,trackingNo[,carrier[,phoneTail]]`. Merchants copy
// from spreadsheets (tab-separated), type on Chinese keyboards (，and full-width digits), export
// CSV with quotes and a BOM, and leave blank lines and a header row. Every line keeps its line number
// in the original text so a problem is reported where the merchant can find it.
import type { CarrierCode } from '@core/carriers/carrierRegistry'
import { docIdSchema, phoneTailSchema } from '@core/api/fields'
import { carrierFromText } from './carrierFromText'

/** A batch is previewed on one page and looked up 500 numbers per call; beyond this, split it. */
export const MAX_BATCH_LINES = 2000

export const LINE_PROBLEMS = [
  'missing_tracking_number',
  'too_many_fields',
  'invalid_order_id',
  'unknown_carrier',
  'invalid_phone_tail',
] as const
export type LineProblem = (typeof LINE_PROBLEMS)[number]

export interface BatchFields {
  orderId: string
  /** As written: normalising is core/carriers' job (the preview does it). */
  trackingNo: string
  carrier: CarrierCode | null
  phoneTail: string | null
}

export type BatchLine =
  | { lineNo: number; raw: string; ok: true; fields: BatchFields }
  | { lineNo: number; raw: string; ok: false; problem: LineProblem; detail: string }

export type ParseResult =
  { ok: true; lines: BatchLine[]; headerLineNo: number | null } | { ok: false; reason: 'empty' | 'too_many_lines'; lines: number }

// Comma, full-width comma, ideographic comma, tab and semicolons (some CSV exports use ;).
const SEPARATOR = /[,，、\t;；]/
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g
const HEADER_WORDS = /订单|运单|单号|快递|物流|order|tracking|carrier/i
// Header names that are also valid ids, so the id check alone cannot tell them from data.
const HEADER_NAMES = /^(order_?id|order_?no|order_?number|orders?)$/i

const unquote = (field: string) =>
  field
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/^'(.*)'$/, '$1')
    .trim()
const halfWidthDigits = (text: string) => text.replace(FULL_WIDTH_DIGIT, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))

function parseFields(lineNo: number, raw: string): BatchLine {
  const fields = raw.split(SEPARATOR).map(unquote)
  // A trailing separator (Excel leaves one for an empty last column) is not a field.
  while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop()
  const [orderId = '', trackingNo = '', carrierText = '', phoneText = ''] = fields
  const fail = (problem: LineProblem, detail: string): BatchLine => ({ lineNo, raw, ok: false, problem, detail })
  if (fields.length > 4) return fail('too_many_fields', String(fields.length))
  if (!docIdSchema.safeParse(orderId).success) return fail('invalid_order_id', orderId)
  if (trackingNo === '') return fail('missing_tracking_number', '')
  const carrier = carrierText === '' ? null : carrierFromText(carrierText)
  if (carrierText !== '' && carrier === null) return fail('unknown_carrier', carrierText)
  const phoneTail = halfWidthDigits(phoneText).replace(/\s/g, '')
  if (phoneTail !== '' && !phoneTailSchema.safeParse(phoneTail).success) return fail('invalid_phone_tail', phoneText)
  return { lineNo, raw, ok: true, fields: { orderId, trackingNo, carrier, phoneTail: phoneTail || null } }
}

/** A first line is a header when it names columns and carries no number: a data line with a bad
 * order id (订单1,SF…) still has its tracking number, so it is reported, never dropped as a header. */
function isHeader(raw: string): boolean {
  if (!HEADER_WORDS.test(raw) || /\d{4}/.test(raw)) return false
  const first = unquote(raw.split(SEPARATOR)[0] ?? '')
  return !docIdSchema.safeParse(first).success || HEADER_NAMES.test(first)
}

export function parseBatchLines(text: string): ParseResult {
  const rows = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ lineNo: index + 1, raw: raw.trim() }))
    .filter((row) => row.raw !== '')
  const [first] = rows
  if (!first) return { ok: false, reason: 'empty', lines: 0 }
  const headerLineNo = isHeader(first.raw) ? first.lineNo : null
  const body = headerLineNo === null ? rows : rows.slice(1)
  if (body.length === 0) return { ok: false, reason: 'empty', lines: 0 }
  if (body.length > MAX_BATCH_LINES) return { ok: false, reason: 'too_many_lines', lines: body.length }
  return { ok: true, lines: body.map((row) => parseFields(row.lineNo, row.raw)), headerLineNo }
}
