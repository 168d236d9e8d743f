import { createManualClock, createRealClock } from './clock'

describe('manual clock', () => {
  it('runs due tasks in time order (ties in scheduling order) and awaits each', async () => {
    const clock = createManualClock({ startAt: 1000 })
    const log: string[] = []
    clock.schedule(1300, () => {
      log.push(`c@${clock.now()}`)
    })
    clock.schedule(1100, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      log.push(`a@${clock.now()}`)
      clock.schedule(1150, () => {
        log.push(`a2@${clock.now()}`)
      })
    })
    clock.schedule(1100, () => {
      log.push(`b@${clock.now()}`)
    })
    await clock.advance(200)
    expect(log).toEqual(['a@1100', 'b@1100', 'a2@1150'])
    expect(clock.now()).toBe(1200)
    await clock.advance(100)
    expect(log).toEqual(['a@1100', 'b@1100', 'a2@1150', 'c@1300'])
  })

  it('settle runs what is due now without moving time; cancel and stop drop timers', async () => {
    const clock = createManualClock({ startAt: 0 })
    const log: number[] = []
    clock.schedule(0, () => {
      log.push(1)
    })
    const cancel = clock.schedule(0, () => {
      log.push(2)
    })
    clock.schedule(10, () => {
      log.push(3)
    })
    cancel()
    await clock.settle()
    expect(log).toEqual([1])
    expect(clock.now()).toBe(0)
    clock.stop()
    await clock.advance(100)
    expect(log).toEqual([1])
  })

  it('refuses to go backwards', () => {
    expect(() => createManualClock().advance(-1)).toThrow(RangeError)
  })

  it('uses the short real wait for I/O', () => {
    expect(createManualClock({ ioWaitMs: 50 }).responseWaitMs(20_000)).toBe(50)
  })
})

describe('real clock', () => {
  it('fires on wall time and can skip ahead', async () => {
    const clock = createRealClock()
    const log: string[] = []
    clock.schedule(clock.now() + 10, () => {
      log.push('soon')
    })
    clock.schedule(clock.now() + 3_600_000, () => {
      log.push('in an hour')
    })
    await new Promise((resolve) => setTimeout(resolve, 40))
    await clock.settle()
    expect(log).toEqual(['soon'])
    await clock.advance(3_600_000)
    expect(log).toEqual(['soon', 'in an hour'])
    expect(clock.responseWaitMs(5000)).toBe(5000)
    clock.stop()
  })
})
