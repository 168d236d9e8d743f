import { fixedNowFromEnv, shiftedDate } from './shiftedDate'

const START = Date.parse('2026-12-31T23:59:58+08:00')

test('starts at the fixed instant and runs at real speed', async () => {
  const Shifted = shiftedDate(Date, START) as DateConstructor
  const first = Shifted.now()
  expect(Math.abs(first - START)).toBeLessThan(1000)
  await new Promise((resolve) => setTimeout(resolve, 30))
  expect(Shifted.now()).toBeGreaterThan(first)
  expect(new Shifted().getTime()).toBeGreaterThanOrEqual(first)
})

test('explicit dates, parsing and instanceof are untouched', () => {
  const Shifted = shiftedDate(Date, START) as DateConstructor
  expect(new Shifted(0).toISOString()).toBe('1970-01-01T00:00:00.000Z')
  expect(new Shifted(2026, 0, 1).getFullYear()).toBe(2026)
  expect(Shifted.parse('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1))
  expect(new Shifted()).toBeInstanceOf(Date)
  expect(typeof (Shifted as unknown as () => string)()).toBe('string')
})

test.each([
  [{}, Date.parse('2026-11-21T10:00:00+08:00')],
  [{ TEST_FIXED_NOW: '2027-01-01T00:05:00+08:00' }, Date.parse('2027-01-01T00:05:00+08:00')],
])('the fixed instant from %j', (env, expected) => {
  expect(fixedNowFromEnv(env as NodeJS.ProcessEnv)).toBe(expected)
})

test('a malformed TEST_FIXED_NOW is refused, not ignored', () => {
  expect(() => fixedNowFromEnv({ TEST_FIXED_NOW: 'next tuesday' } as NodeJS.ProcessEnv)).toThrow(/not an ISO 8601 instant/)
})
