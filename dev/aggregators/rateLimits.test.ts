import { NumberLock, QpsWindow } from './rateLimits'

describe('QpsWindow', () => {
  it('admits qps requests per rolling second', () => {
    const window = new QpsWindow(3)
    expect([0, 100, 200, 300].map((at) => window.admit(at))).toEqual([true, true, true, false])
    expect(window.admit(999)).toBe(false)
    expect(window.admit(1000)).toBe(true)
  })
})

describe('NumberLock (Kuaidi100: >48 queries of one number in 24 h → 24 h lock)', () => {
  const HOUR = 3_600_000

  it('admits 48 queries, locks the 49th for 24 h, per number', () => {
    const lock = new NumberLock()
    for (let i = 0; i < 48; i += 1) expect(lock.admit('YT1', i * 1000)).toBe(true)
    expect(lock.admit('YT1', 48_000)).toBe(false)
    expect(lock.admit('YT2', 48_000)).toBe(true)
    expect(lock.admit('YT1', 48_000 + 23 * HOUR)).toBe(false)
    expect(lock.admit('YT1', 48_000 + 24 * HOUR)).toBe(true)
  })

  it('forgets queries older than 24 h', () => {
    const lock = new NumberLock()
    for (let i = 0; i < 48; i += 1) lock.admit('YT1', i * HOUR)
    expect(lock.admit('YT1', 48 * HOUR)).toBe(true)
  })
})
