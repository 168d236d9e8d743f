import fc from 'fast-check'
import { formatChinaTime, parseVendorTime, parseVendorTimeWithDayjs } from './vendorTime'

const utc = (iso: string) => Date.parse(iso)

describe('parseVendorTime', () => {
  it.each([
    ['2025-01-02 09:58:00', '2025-01-02T01:58:00Z', 'assumed:Asia/Shanghai'],
    ['2025-01-02 09:58', '2025-01-02T01:58:00Z', 'assumed:Asia/Shanghai'],
    ['2014/06/25 08:05:37', '2014-06-25T00:05:37Z', 'assumed:Asia/Shanghai'],
    ['2014/6/5 8:05:37', '2014-06-05T00:05:37Z', 'assumed:Asia/Shanghai'],
    ['  2025-01-02   09:58:00 ', '2025-01-02T01:58:00Z', 'assumed:Asia/Shanghai'],
    ['2025-01-02 00:30:00', '2025-01-01T16:30:00Z', 'assumed:Asia/Shanghai'],
    ['2025-01-02 09:58:00.5', '2025-01-02T01:58:00.500Z', 'assumed:Asia/Shanghai'],
    ['2025-01-03', '2025-01-02T16:00:00Z', 'assumed:Asia/Shanghai'],
    ['2025-01-02T09:58:00', '2025-01-02T01:58:00Z', 'assumed:Asia/Shanghai'],
    ['2025-01-02T09:58:00+08:00', '2025-01-02T01:58:00Z', 'explicit'],
    ['2025-01-02T09:58:00+0900', '2025-01-02T00:58:00Z', 'explicit'],
    ['2025-01-02T01:58:00Z', '2025-01-02T01:58:00Z', 'explicit'],
    // China observed daylight saving 1986–1991; the zone database, not a fixed +08:00, decides.
    ['1988-06-01 12:00:00', '1988-06-01T03:00:00Z', 'assumed:Asia/Shanghai'],
  ])('%j → %s (%s)', (text, instant, zone) => {
    expect(parseVendorTime(text)).toEqual({ ok: true, at: utc(instant), zone, localTime: text })
  })

  it.each([
    '',
    'garbage',
    '2025-02-30 10:00:00',
    '2025-13-01 00:00:00',
    '2025-01-02 24:00:00',
    '2025-01-02 09:60',
    '02-01-2025 09:58',
    '2025-01-02 09:58:00 CST',
  ])('rejects %j as a value, without throwing', (text) => {
    expect(parseVendorTime(text)).toEqual({ ok: false, reason: 'unparsable_time', text })
  })
})

describe('formatChinaTime', () => {
  it.each([
    ['2025-01-02T01:58:00Z', '2025-01-02 09:58:00'],
    ['2024-12-31T16:00:00Z', '2025-01-01 00:00:00'],
  ])('%s → %s', (instant, text) => {
    expect(formatChinaTime(utc(instant))).toBe(text)
  })
})

// The fixed-layout path (YYYY-MM-DD HH:mm:ss at +08:00, no dayjs) must agree with dayjs on every
// string, the ones it declines included.
describe('the fixed-layout path agrees with dayjs', () => {
  it.each([
    '2025-01-02 09:58:00',
    '2025-01-02 00:00:00',
    '2025-12-31 23:59:59',
    '2024-02-29 12:00:00',
    '2000-02-29 12:00:00',
    '2100-02-29 12:00:00',
    '2025-02-29 12:00:00',
    '2025-04-31 08:00:00',
    '2025-00-10 08:00:00',
    '2025-01-00 08:00:00',
    '2025-01-02 24:00:00',
    '2025-01-02 23:60:00',
    '2025-01-02 23:59:60',
    '1991-09-15 12:00:00',
    '1992-01-01 00:00:00',
    '1988-06-01 12:00:00',
    '2025-01-02T09:58:00',
    '2025/01/02 09:58:00',
    '2025-01-02 09:58:0x',
    '２０２５-01-02 09:58:00',
    '2025-01-02 09:58:00 ',
    ' 2025-01-02 09:58:0',
    '+025-01-02 09:58:00',
    '2025-1-02 09:58:000',
  ])('%j', (text) => {
    expect(parseVendorTime(text)).toEqual(parseVendorTimeWithDayjs(text))
  })

  it('on any instant from 1990 to 2100, written the way vendors write it', () => {
    const pad = (value: number, width = 2) => String(value).padStart(width, '0')
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (year, month, day, hour, minute, second) => {
          const text = `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`
          expect(parseVendorTime(text)).toEqual(parseVendorTimeWithDayjs(text))
        },
      ),
      { numRuns: 2000 },
    )
  })
})
