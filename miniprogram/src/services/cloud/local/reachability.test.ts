import { reachability, type ReachabilityTimers } from './reachability'

/** Timers run by hand: `fire()` runs what is due. */
function manualTimers() {
  const pending = new Map<number, () => void>()
  let next = 0
  const timers: ReachabilityTimers = {
    setTimeout: (callback) => {
      next += 1
      pending.set(next, callback)
      return next
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number)
    },
  }
  return {
    timers,
    pending: () => pending.size,
    async fire() {
      const due = [...pending.entries()]
      pending.clear()
      for (const [, callback] of due) callback()
      for (let i = 0; i < 5; i += 1) await Promise.resolve()
    },
  }
}

describe('local cloud reachability', () => {
  it('goes down on a failure, probes until the cloud answers, then comes back up by itself', async () => {
    const clock = manualTimers()
    const answers = [false, false, true]
    const probe = jest.fn(async () => answers.shift() ?? true)
    const reach = reachability(probe, clock.timers)
    const seen: string[] = []
    reach.subscribe((status) => seen.push(status))

    reach.markDown()
    expect(reach.status()).toBe('down')
    await clock.fire()
    await clock.fire()
    expect(reach.status()).toBe('down')
    await clock.fire()
    expect(reach.status()).toBe('up')
    expect(probe).toHaveBeenCalledTimes(3)
    expect(clock.pending()).toBe(0)
    expect(seen).toEqual(['unknown', 'down', 'up'])
  })

  it('keeps probing when the probe itself throws', async () => {
    const clock = manualTimers()
    let calls = 0
    const reach = reachability(async () => {
      calls += 1
      if (calls === 1) throw new Error('boom')
      return true
    }, clock.timers)
    reach.markDown()
    await clock.fire()
    expect(reach.status()).toBe('down')
    await clock.fire()
    expect(reach.status()).toBe('up')
  })

  it('stops probing when a real request succeeds first, and tells each change once', async () => {
    const clock = manualTimers()
    const probe = jest.fn(async () => false)
    const reach = reachability(probe, clock.timers)
    const listener = jest.fn()
    const unsubscribe = reach.subscribe(listener)
    reach.markDown()
    reach.markDown()
    reach.markUp()
    reach.markUp()
    expect(clock.pending()).toBe(0)
    expect(probe).not.toHaveBeenCalled()
    expect(listener.mock.calls.map(([status]) => status)).toEqual(['unknown', 'down', 'up'])
    unsubscribe()
    reach.markDown()
    expect(listener).toHaveBeenCalledTimes(3)
  })
})
