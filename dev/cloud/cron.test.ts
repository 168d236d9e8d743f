import { nextFireTime, parseCron, timerEventTime } from './cron'

// Wall-clock times in UTC+8, the timezone the platform evaluates triggers in.
const cst = (iso: string) => Date.parse(`${iso}+08:00`)
const asCst = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs + 8 * 3600_000).toISOString().replace('.000Z', ''))

describe('parseCron', () => {
  test.each([
    ['0 */30 * * * * *'],
    ['*/5 * * * * * *'],
    ['0 0 2 1 * * *'],
    ['0 15 10 * * MON-FRI *'],
    ['0 0 0 1 JAN,jul * 2026-2030'],
    ['5/10 0 0 * * * *'],
  ])('accepts %s', (source) => {
    expect(parseCron(source).ok).toBe(true)
  })

  test.each([
    ['0 */30 * * * *', '6 fields'],
    ['60 * * * * * *', 'second'],
    ['0 0 24 * * * *', 'hour'],
    ['0 0 0 0 * * *', 'day'],
    ['0 0 0 * 13 * *', 'month'],
    ['0 0 0 * * 7 *', 'weekday'],
    ['0 0 0 * * * 2100', 'year'],
    ['0 0 0 * * FOO *', 'weekday'],
    ['0 5-1 * * * * *', 'start after end'],
    ['0 */0 * * * * *', 'step'],
    ['0 0 0 ? * * *', 'day'],
  ])('rejects %s with a message naming the problem (%s)', (source, mention) => {
    const parsed = parseCron(source)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.reason).toBe('invalid-cron')
      expect(parsed.message).toContain(mention)
    }
  })
})

describe('nextFireTime (UTC+8)', () => {
  test.each([
    // source, after (CST), expected next (CST)
    ['*/5 * * * * * *', '2026-03-01T10:00:00', '2026-03-01T10:00:05'],
    ['*/5 * * * * * *', '2026-03-01T10:00:03.500', '2026-03-01T10:00:05'],
    ['0 */30 * * * * *', '2026-03-01T10:00:00', '2026-03-01T10:30:00'],
    ['0 */30 * * * * *', '2026-03-01T23:45:10', '2026-03-02T00:00:00'],
    ['0 0 2 1 * * *', '2026-03-01T10:00:00', '2026-04-01T02:00:00'],
    ['0 0 2 1 * * *', '2026-12-05T00:00:00', '2027-01-01T02:00:00'],
    // 2026-03-06 is a Friday, so the next weekday slot is Monday the 9th.
    ['0 15 10 * * MON-FRI *', '2026-03-06T10:15:00', '2026-03-09T10:15:00'],
    ['0 15 10 * * 1-5 *', '2026-03-06T09:00:00', '2026-03-06T10:15:00'],
    // day and weekday both restricted: either fires (the 13th, or any Sunday).
    ['0 0 12 13 * SUN *', '2026-03-02T00:00:00', '2026-03-08T12:00:00'],
    ['0 0 12 13 * SUN *', '2026-03-09T00:00:00', '2026-03-13T12:00:00'],
    // no 30 February: skips to the next month that has the day.
    ['0 0 0 30 * * *', '2026-01-31T00:00:00', '2026-03-30T00:00:00'],
    ['0 0 0 29 FEB * *', '2026-01-01T00:00:00', '2028-02-29T00:00:00'],
    ['0 0 8 * * * 2027', '2026-06-01T00:00:00', '2027-01-01T08:00:00'],
    // midnight in UTC+8 is 16:00 UTC the day before.
    ['0 0 0 * * * *', '2026-03-01T00:00:00', '2026-03-02T00:00:00'],
  ])('%s after %s → %s', (source, after, expected) => {
    const parsed = parseCron(source)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(asCst(nextFireTime(parsed.schedule, cst(after)))).toBe(expected)
  })

  test('a schedule that can never fire again answers null', () => {
    const parsed = parseCron('0 0 0 1 1 * 1999')
    if (!parsed.ok) throw new Error(parsed.message)
    expect(nextFireTime(parsed.schedule, cst('2026-01-01T00:00:00'))).toBeNull()
  })
})

test('timer event Time is second-precision UTC', () => {
  expect(timerEventTime(Date.parse('2019-02-21T11:49:00.731Z'))).toBe('2019-02-21T11:49:00Z')
})
