import type { BackfillEntry, BackfillTrackingResult } from '@core/api/backfill'
import { submitInChunks, type SubmitProgress } from './submitInChunks'

const lines = (n: number) =>
  Array.from({ length: n }, (_, index) => ({
    lineNo: index + 1,
    entry: { orderId: `O${index + 1}`, trackingNo: `YT14000000${String(index + 1).padStart(5, '0')}`, carrier: 'YTO' as const },
  }))

const accepting = (entries: BackfillEntry[]): BackfillTrackingResult => ({
  ok: true,
  results: entries.map((entry) => ({
    ok: true,
    parcelId: `YTO:${entry.trackingNo}`,
    carrier: 'YTO',
    trackingNo: entry.trackingNo,
    outcome: 'created',
    subscription: 'pending',
  })),
})

describe('submitInChunks', () => {
  it('sends 120 lines as calls of 50, 50 and 20, reporting progress after each', async () => {
    const sizes: number[] = []
    const progress: SubmitProgress[] = []
    const outcomes = await submitInChunks(
      lines(120),
      async (entries) => {
        sizes.push(entries.length)
        return accepting(entries)
      },
      (p) => progress.push(p),
    )
    expect(sizes).toEqual([50, 50, 20])
    expect(progress).toEqual([
      { done: 50, total: 120 },
      { done: 100, total: 120 },
      { done: 120, total: 120 },
    ])
    expect(outcomes.map((o) => o.lineNo)).toEqual(lines(120).map((l) => l.lineNo))
    expect(outcomes.every((o) => o.result.ok)).toBe(true)
  })

  it('keeps each result on its own line, failures included', async () => {
    const outcomes = await submitInChunks(lines(3), async (entries) => {
      const answer = accepting(entries)
      if (answer.ok) answer.results[1] = { ok: false, reason: 'order_not_found', message: `no order ${entries[1]?.orderId}` }
      return answer
    })
    expect(outcomes.map((o) => [o.lineNo, o.result.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ])
    expect(outcomes[1]?.result).toMatchObject({ reason: 'order_not_found', message: 'no order O2' })
  })

  it.each([
    [
      'the call rejects (network)',
      async () => {
        throw new Error('network down')
      },
      'network down',
    ],
    [
      'the function refuses the call',
      async () => ({ ok: false, reason: 'internal_error', message: 'boom' }) as BackfillTrackingResult,
      'internal_error: boom',
    ],
    [
      'the answer has the wrong number of results',
      async () => ({ ok: true, results: [] }) as BackfillTrackingResult,
      'expected 50 results, got 0',
    ],
  ])('when %s mid-way, keeps what went through and marks the rest not_sent', async (_name, failing, message) => {
    let calls = 0
    const outcomes = await submitInChunks(lines(140), async (entries) => {
      calls += 1
      return calls === 2 ? failing() : accepting(entries)
    })
    expect(calls).toBe(2)
    expect(outcomes).toHaveLength(140)
    expect(outcomes.slice(0, 50).every((o) => o.result.ok)).toBe(true)
    expect(outcomes.slice(50).every((o) => !o.result.ok && o.result.reason === 'not_sent' && o.result.message === message)).toBe(true)
  })
})
