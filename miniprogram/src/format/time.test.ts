import { calendarDayOffset, dayKey, formatClock, formatDay, relativeTime } from './time'

const SH = 'Asia/Shanghai'
// 2026-03-01 10:00 in Shanghai
const NOW = Date.parse('2026-03-01T02:00:00Z')
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('relativeTime', () => {
  it.each([
    ['a clock slightly ahead of ours', NOW + 30_000, '刚刚'],
    ['now', NOW, '刚刚'],
    ['59 s ago', NOW - 59_000, '刚刚'],
    ['1 min ago', NOW - MIN, '1分钟前'],
    ['59 min ago', NOW - 59 * MIN, '59分钟前'],
    ['2 h ago', NOW - 2 * HOUR - 5 * MIN, '2小时前'],
    ['23 h ago', NOW - 23 * HOUR, '23小时前'],
    ['3 days ago', NOW - 3 * DAY, '3天前'],
    ['10 days ago: the date', NOW - 10 * DAY, '2月19日'],
    ['last year: with the year', Date.parse('2025-12-30T04:00:00Z'), '2025年12月30日'],
  ])('%s', (_case, at, expected) => {
    expect(relativeTime(at, NOW, SH)).toBe(expected)
  })
})

describe('days in the shopper zone', () => {
  it('groups by the local calendar day, not the UTC one', () => {
    // 2026-02-28 17:30 UTC is already 1 March 01:30 in Shanghai but still 28 Feb in London.
    const at = Date.parse('2026-02-28T17:30:00Z')
    expect(dayKey(at, SH)).toBe('2026-03-01')
    expect(dayKey(at, 'Europe/London')).toBe('2026-02-28')
    expect(formatClock(at, SH)).toBe('01:30')
  })

  it.each([
    ['today', NOW - 9 * HOUR, 0, '今天'],
    ['yesterday, just before local midnight', Date.parse('2026-02-28T15:59:00Z'), -1, '昨天'],
    ['tomorrow', NOW + DAY, 1, '明天'],
    ['earlier this year', Date.parse('2026-02-20T04:00:00Z'), -9, '2月20日 周五'],
  ])('%s', (_case, at, offset, label) => {
    expect(calendarDayOffset(at, NOW, SH)).toBe(offset)
    expect(formatDay(at, NOW, SH, { weekday: true })).toBe(label)
  })
})
