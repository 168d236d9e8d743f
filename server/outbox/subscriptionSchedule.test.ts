import { inlineSubscribeCount, MAX_RETRY_MS, paceMs, retryDelayMs } from './subscriptionSchedule'

describe('subscription outbox schedule', () => {
  it.each([
    [0, 60_000],
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [9, 256 * 60_000],
    [10, MAX_RETRY_MS],
    [50, MAX_RETRY_MS],
    [5000, MAX_RETRY_MS],
  ])('after %i failed attempts waits %i ms', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay)
  })

  it('never shrinks as attempts grow', () => {
    const delays = Array.from({ length: 40 }, (_, attempts) => retryDelayMs(attempts))
    expect(delays.every((delay, index) => delay >= (delays[index - 1] ?? delay))).toBe(true)
  })

  it.each([
    [2000, 5, 10],
    [2000, 10, 20],
    [0, 5, 0],
    [500, 1, 0],
    [1000, 0.5, 0],
  ])('budget %i ms at %p/s subscribes %i inline', (budget, qps, count) => {
    expect(inlineSubscribeCount(budget, qps)).toBe(count)
  })

  it.each([
    [5, 200],
    [10, 100],
    [3, 334],
    [0.5, 2000],
  ])('%p requests/s are %i ms apart', (qps, ms) => {
    expect(paceMs(qps)).toBe(ms)
  })
})
