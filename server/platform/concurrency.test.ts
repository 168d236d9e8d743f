import { mapWithConcurrency } from './concurrency'

describe('mapWithConcurrency', () => {
  it.each([[1], [3], [8], [50]])('keeps input order and never exceeds %i in flight', async (limit) => {
    let inFlight = 0
    let peak = 0
    const delays = [30, 5, 20, 1, 15, 0, 25, 10, 2, 8]
    const results = await mapWithConcurrency(delays, limit, async (delay, index) => {
      inFlight += 1
      peak = Math.max(peak, inFlight)
      await new Promise((resolve) => setTimeout(resolve, delay))
      inFlight -= 1
      return `${index}:${delay}`
    })
    expect(results).toEqual(delays.map((delay, index) => `${index}:${delay}`))
    expect(peak).toBe(Math.min(limit, delays.length))
  })

  it('handles nothing to do', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([])
  })
})
