import { knobFires } from './faults'
import { applyFaults, planSnapshots } from './pushPlan'
import type { TimedEvent } from './stories'

const at = (instant: number): TimedEvent => ({ instant, atMinute: 0, stage: 'in-transit', province: '广东', city: '深圳市', text: 't' })

describe('planSnapshots', () => {
  it.each([
    [
      'one push per event after the subscription',
      [10, 20, 30],
      0,
      [
        { at: 10, cutoff: 1 },
        { at: 20, cutoff: 2 },
        { at: 30, cutoff: 3 },
      ],
    ],
    [
      'events at one instant share a push',
      [10, 10, 30],
      0,
      [
        { at: 10, cutoff: 2 },
        { at: 30, cutoff: 3 },
      ],
    ],
    [
      'earlier events collapse into one push at subscribe time',
      [10, 20, 30],
      25,
      [
        { at: 25, cutoff: 2 },
        { at: 30, cutoff: 3 },
      ],
    ],
    ['nothing to push', [], 0, []],
  ])('%s', (_label, instants, subscribedAt, expected) => {
    expect(planSnapshots(instants.map(at), subscribedAt)).toEqual(expected)
  })
})

const snapshots = [
  { at: 10, cutoff: 1 },
  { at: 20, cutoff: 2 },
  { at: 30, cutoff: 3 },
  { at: 40, cutoff: 4 },
  { at: 50, cutoff: 5 },
]
const plan = (faults: Parameters<typeof applyFaults>[1], speed = 1) =>
  applyFaults(snapshots, faults, 1, 'YT1', speed).map(({ at: time, cutoff, copy, corrupt }) => [time, cutoff, copy, corrupt])

describe('applyFaults', () => {
  it('no knobs: unchanged', () => {
    expect(plan({})).toEqual([
      [10, 1, false, false],
      [20, 2, false, false],
      [30, 3, false, false],
      [40, 4, false, false],
      [50, 5, false, false],
    ])
  })

  it('reorder: an older snapshot lands right after the newer one', () => {
    expect(plan({ reorder: true }).map(([time, cutoff]) => [time, cutoff])).toEqual([
      [20, 2],
      [20, 1],
      [40, 4],
      [40, 3],
      [50, 5],
    ])
  })

  it('duplicate: each push twice, the copy right after', () => {
    expect(plan({ duplicate: true }).slice(0, 2)).toEqual([
      [10, 1, false, false],
      [10, 1, true, false],
    ])
    expect(plan({ duplicate: true })).toHaveLength(10)
  })

  it('delay is scenario time, compressed by speed', () => {
    expect(plan({ delayMs: 100 })[0]?.[0]).toBe(110)
    expect(plan({ delayMs: 100 }, 10)[0]?.[0]).toBe(20)
  })

  it('drop and corrupt', () => {
    expect(plan({ drop: true })).toEqual([])
    expect(plan({ corruptSignature: true }).every(([, , , corrupt]) => corrupt)).toBe(true)
  })

  it('rates are seeded: the same seed gives the same pushes, the rate is roughly honoured', () => {
    const first = plan({ drop: 0.5 })
    expect(plan({ drop: 0.5 })).toEqual(first)
    const fired = Array.from({ length: 1000 }, (_, i) => knobFires(0.3, 7, `drop|N|${i}`)).filter(Boolean).length
    expect(fired).toBeGreaterThan(230)
    expect(fired).toBeLessThan(370)
    expect(knobFires(0.3, 7, 'x')).toBe(knobFires(0.3, 7, 'x'))
  })
})
