import { manualTimers } from './manualTimers'
import { throttleUpdates } from './throttleUpdates'

function setup(intervalMs = 300) {
  const timers = manualTimers(1_000)
  const flushed: Array<{ at: number; value: number[] }> = []
  const throttle = throttleUpdates<number[]>({
    intervalMs,
    timers,
    combine: (pending, next) => [...(pending ?? []), ...next],
    flush: (value) => flushed.push({ at: timers.now(), value }),
  })
  return { timers, flushed, throttle }
}

describe('throttleUpdates', () => {
  it('flushes the first update at once', () => {
    const { flushed, throttle } = setup()
    throttle.push([1])
    expect(flushed).toEqual([{ at: 1_000, value: [1] }])
  })

  it('combines a burst into one flush at the end of the interval', () => {
    const { timers, flushed, throttle } = setup()
    throttle.push([1])
    timers.advance(10)
    throttle.push([2])
    timers.advance(10)
    throttle.push([3])
    expect(flushed).toHaveLength(1)
    timers.advance(280)
    expect(flushed).toEqual([
      { at: 1_000, value: [1] },
      { at: 1_300, value: [2, 3] },
    ])
  })

  it.each([
    [50, 300, 4],
    [10, 250, 5],
    [100, 1000, 1],
  ])('a burst every %i ms flushes at most 1000/%i·s times per second', (every, intervalMs, maxPerSecond) => {
    const { timers, flushed, throttle } = setup(intervalMs)
    for (let elapsed = 0; elapsed < 5_000; elapsed += every) {
      throttle.push([elapsed])
      timers.advance(every)
    }
    timers.advance(intervalMs)
    const perSecond = new Map<number, number>()
    for (const flush of flushed) perSecond.set(Math.floor(flush.at / 1000), (perSecond.get(Math.floor(flush.at / 1000)) ?? 0) + 1)
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(maxPerSecond)
    // Nothing is lost: every update is flushed exactly once, in order.
    expect(flushed.flatMap((flush) => flush.value)).toEqual(Array.from({ length: 5_000 / every }, (_, index) => index * every))
  })

  it('flushes immediately again after a quiet interval', () => {
    const { timers, flushed, throttle } = setup()
    throttle.push([1])
    timers.advance(1_000)
    throttle.push([2])
    expect(flushed.map((flush) => flush.at)).toEqual([1_000, 2_000])
  })

  it('drops pending updates on cancel and leaves no timer behind', () => {
    const { timers, flushed, throttle } = setup()
    throttle.push([1])
    throttle.push([2])
    throttle.cancel()
    expect(timers.pendingCount()).toBe(0)
    timers.advance(1_000)
    expect(flushed.map((flush) => flush.value)).toEqual([[1]])
  })
})
