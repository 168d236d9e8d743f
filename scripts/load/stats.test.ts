import { latencySummary, median, percentile } from './stats'

test.each([
  [[1], 50, 1],
  [[1, 2, 3, 4], 50, 2],
  [[1, 2, 3, 4], 95, 4],
  [Array.from({ length: 100 }, (_, i) => i + 1), 99, 99],
  [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
  [[5, 6], 0, 5],
])('percentile(%j, %d) = %d (nearest rank)', (sorted, p, expected) => {
  expect(percentile(sorted, p)).toBe(expected)
})

test('no samples is a bug, not a number', () => {
  expect(() => percentile([], 50)).toThrow('percentile of no samples')
})

test('median and the latency summary sort their input', () => {
  expect(median([9, 1, 5])).toBe(5)
  expect(latencySummary([3.333, 1, 2])).toEqual({ samples: 3, p50_ms: 2, p95_ms: 3.33, p99_ms: 3.33, max_ms: 3.33 })
})
