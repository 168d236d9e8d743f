// Vendor time strings → instants. Chinese aggregators send Beijing wall-clock time without an
// offset ("2025-01-02 09:58:00", 2014-era samples "2014/06/25 08:05:37"; aggregators.md §1.4, §6),
// so a missing offset means Asia/Shanghai and the result records that it was assumed.
import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(customParseFormat)
dayjs.extend(utc)
dayjs.extend(timezone)

export const CHINA_TIME_ZONE = 'Asia/Shanghai'
export type TimeProvenance = 'explicit' | 'assumed:Asia/Shanghai'

export interface VendorInstant {
  /** Epoch milliseconds (UTC instant). */
  at: number
  zone: TimeProvenance
  /** The vendor's text, verbatim. */
  localTime: string
}

export type VendorTimeResult = ({ ok: true } & VendorInstant) | { ok: false; reason: 'unparsable_time'; text: string }

// Only the shape is checked here (separators, optional seconds/fraction/offset) so the parts can be
// zero-padded into one canonical layout; dayjs parses that, and impossible dates (02-30, 24:00),
// which dayjs would roll over, are rejected by reading the parts back.
const SHAPE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/
const CANONICAL = 'YYYY-MM-DD HH:mm:ss.SSS'

const pad = (value: string | undefined, width: number) => (value ?? '').padStart(width, '0')

// Resolving a zone through Intl costs ~30 µs and a push carries thousands of scans. Shanghai's offset
// can only change on the hour (it last did in 1991), so it is memoised per wall-clock hour; the memo
// is bounded and, being a pure function of its key, does not make results depend on call history.
const offsetByHour = new Map<string, number>()
const MAX_MEMOISED_HOURS = 10_000

function chinaOffsetMs(canonical: string, wallMs: number): number {
  const hour = canonical.slice(0, 13)
  let offset = offsetByHour.get(hour)
  if (offset === undefined) {
    offset = wallMs - dayjs.tz(canonical, CHINA_TIME_ZONE).valueOf()
    if (offsetByHour.size >= MAX_MEMOISED_HOURS) offsetByHour.clear()
    offsetByHour.set(hour, offset)
  }
  return offset
}

const DIGIT_0 = 48
const HOUR_MS = 3_600_000
// Asia/Shanghai has been UTC+08:00 without daylight saving since September 1991 (tz database).
const FIXED_OFFSET_FROM_YEAR = 1992
const CHINA_OFFSET_MS = 8 * HOUR_MS
const SEPARATORS: ReadonlyArray<readonly [number, number]> = [
  [4, 45],
  [7, 45],
  [10, 32],
  [13, 58],
  [16, 58],
] // - - space : :

function digitsAt(text: string, start: number, count: number): number {
  let value = 0
  for (let index = start; index < start + count; index += 1) {
    const digit = text.charCodeAt(index) - DIGIT_0
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** The layout nearly every scan uses, `YYYY-MM-DD HH:mm:ss` in Beijing time, read without dayjs:
 * a push carries thousands of them. Undefined for anything else (other layouts, offsets, years before
 * the offset became fixed, impossible dates), which the general path decides. */
function parseFixedChinaTime(text: string): VendorTimeResult | undefined {
  if (text.length !== 19) return undefined
  for (const [index, code] of SEPARATORS) if (text.charCodeAt(index) !== code) return undefined
  const year = digitsAt(text, 0, 4)
  const month = digitsAt(text, 5, 2)
  const day = digitsAt(text, 8, 2)
  const hour = digitsAt(text, 11, 2)
  const minute = digitsAt(text, 14, 2)
  const second = digitsAt(text, 17, 2)
  if (
    year < FIXED_OFFSET_FROM_YEAR ||
    month < 1 ||
    month > 12 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return undefined
  const days = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)
  if (day < 1 || day > days) return undefined
  return {
    ok: true,
    at: Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_OFFSET_MS,
    zone: 'assumed:Asia/Shanghai',
    localTime: text,
  }
}

export function parseVendorTime(text: string): VendorTimeResult {
  return parseFixedChinaTime(text) ?? parseVendorTimeWithDayjs(text)
}

/** Every layout vendors send; the reference the fixed-layout path is tested against. */
export function parseVendorTimeWithDayjs(text: string): VendorTimeResult {
  const match = SHAPE.exec(text.trim().replace(/\s+/g, ' '))
  if (!match) return { ok: false, reason: 'unparsable_time', text }
  const [, year, month, day, hour, minute, second, fraction, offset] = match
  const canonical = `${year}-${pad(month, 2)}-${pad(day, 2)} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${(fraction ?? '').padEnd(3, '0')}`
  const wall = dayjs.utc(canonical, CANONICAL)
  const parts = [wall.year(), wall.month() + 1, wall.date(), wall.hour(), wall.minute(), wall.second()]
  const given = [year, month, day, hour, minute, second].map((part) => Number(part ?? 0))
  if (!wall.isValid() || parts.some((part, index) => part !== given[index])) return { ok: false, reason: 'unparsable_time', text }
  if (offset) {
    const at = dayjs.utc(`${canonical}${offset === 'Z' ? '+00:00' : offset}`, `${CANONICAL}Z`).valueOf()
    return { ok: true, at, zone: 'explicit', localTime: text }
  }
  const wallMs = wall.valueOf()
  return { ok: true, at: wallMs - chinaOffsetMs(canonical, wallMs), zone: 'assumed:Asia/Shanghai', localTime: text }
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, the layout Kdniao expects in acks (aggregators.md §1.6). */
export function formatChinaTime(at: number): string {
  return dayjs(at).tz(CHINA_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss')
}
