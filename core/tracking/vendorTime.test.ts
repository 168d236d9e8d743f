import { formatChinaTime, parseVendorTime } from './vendorTime'

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

  it.each(['', 'garbage', '2025-02-30 10:00:00', '2025-13-01 00:00:00', '2025-01-02 24:00:00', '2025-01-02 09:60', '02-01-2025 09:58', '2025-01-02 09:58:00 CST'])(
    'rejects %j as a value, without throwing', (text) => {
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
