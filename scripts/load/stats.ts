// Summaries for measured samples: nearest-rank percentiles and medians, rounded for tables.

/** Nearest-rank percentile (p in 0..100) of `sorted`, which must be ascending and non-empty. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length)
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
  if (value === undefined) throw new Error('percentile of no samples')
  return value
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  )
}

export const round2 = (value: number): number => Math.round(value * 100) / 100

export interface LatencySummary {
  samples: number
  p50_ms: number
  p95_ms: number
  p99_ms: number
  max_ms: number
}

export function latencySummary(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    samples: sorted.length,
    p50_ms: round2(percentile(sorted, 50)),
    p95_ms: round2(percentile(sorted, 95)),
    p99_ms: round2(percentile(sorted, 99)),
    max_ms: round2(percentile(sorted, 100)),
  }
}
