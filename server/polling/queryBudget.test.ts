import { QUERY_RULES, queryAllowance, refreshAllowance, type PollingState } from './queryBudget'

const MIN = 60_000
const HOUR = 60 * MIN
const fresh: PollingState = { windowStartedAt: null, queriesInWindow: 0, lastRefreshAt: null, lastQueryAt: null }

describe('per-number query budget', () => {
  it.each<[string, PollingState, number, unknown]>([
    [
      'a first query opens the window',
      fresh,
      1000,
      { ok: true, polling: { ...fresh, windowStartedAt: 1000, queriesInWindow: 1, lastQueryAt: 1000 } },
    ],
    [
      'too soon after the last one',
      { ...fresh, windowStartedAt: 0, queriesInWindow: 1, lastQueryAt: 0 },
      10 * MIN,
      { ok: false, retryAfterMs: 20 * MIN },
    ],
    [
      'the window is spent',
      { ...fresh, windowStartedAt: 0, queriesInWindow: 24, lastQueryAt: 20 * HOUR },
      21 * HOUR,
      { ok: false, retryAfterMs: 3 * HOUR },
    ],
    [
      'a spent window that has passed starts over',
      { ...fresh, windowStartedAt: 0, queriesInWindow: 24, lastQueryAt: 20 * HOUR },
      24 * HOUR,
      {
        ok: true,
        polling: { ...fresh, windowStartedAt: 24 * HOUR, queriesInWindow: 1, lastQueryAt: 24 * HOUR },
      },
    ],
  ])('Kuaidi100: %s', (_case, polling, now, expected) => {
    expect(queryAllowance(polling, QUERY_RULES.kuaidi100, now)).toEqual(expected)
  })

  it('keeps Kuaidi100 well under its 48-queries-in-24-h lock whatever the caller does', () => {
    let polling = fresh
    let made = 0
    for (let now = 0; now < 24 * HOUR; now += MIN) {
      const allowance = queryAllowance(polling, QUERY_RULES.kuaidi100, now)
      if (allowance.ok) {
        polling = allowance.polling
        made += 1
      }
    }
    expect(made).toBeLessThanOrEqual(24)
    expect(made).toBeGreaterThan(0)
  })

  it.each<[number | null, number, unknown]>([
    [null, 0, { ok: true }],
    [0, 5 * MIN, { ok: false, retryAfterMs: 5 * MIN }],
    [0, 10 * MIN, { ok: true }],
  ])('refresh after %p at %i', (lastRefreshAt, now, expected) => {
    expect(refreshAllowance({ ...fresh, lastRefreshAt }, 10 * MIN, now)).toEqual(expected)
  })
})
