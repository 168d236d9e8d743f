// Empirical distributions kept as 21 quantiles (every 5 %), and the conditional quantiles the ETA
// needs: given that a parcel has already spent `elapsed` hours in a stage without being delivered,
// the remaining time's distribution is the stage duration's tail beyond `elapsed` (right-censoring:
// maps-eta-notify-mcp.md §7). Piecewise-linear between the stored quantiles.

export const QUANTILE_STEPS = 20

/** Sorted sample → the 0 %, 5 %, …, 100 % quantiles (linear interpolation between order statistics). */
export function quantilesOf(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return []
  return Array.from({ length: QUANTILE_STEPS + 1 }, (_, step) => {
    const position = (step / QUANTILE_STEPS) * (sorted.length - 1)
    const low = Math.floor(position)
    const lowValue = sorted[low] ?? 0
    const highValue = sorted[Math.min(low + 1, sorted.length - 1)] ?? lowValue
    return lowValue + (highValue - lowValue) * (position - low)
  })
}

/** Value at probability p ∈ [0, 1]. */
export function quantileAt(quantiles: readonly number[], p: number): number {
  const clamped = Math.min(1, Math.max(0, p))
  const position = clamped * QUANTILE_STEPS
  const low = Math.min(Math.floor(position), QUANTILE_STEPS - 1)
  const lowValue = quantiles[low] ?? 0
  const highValue = quantiles[low + 1] ?? lowValue
  return lowValue + (highValue - lowValue) * (position - low)
}

/** F(x): the probability of a value ≤ x. */
export function cumulativeAt(quantiles: readonly number[], x: number): number {
  const first = quantiles[0]
  const last = quantiles[quantiles.length - 1]
  if (first === undefined || last === undefined) return 0
  if (x <= first) return 0
  if (x >= last) return 1
  for (let step = 0; step < QUANTILE_STEPS; step += 1) {
    const low = quantiles[step] ?? 0
    const high = quantiles[step + 1] ?? low
    if (x <= high) return (step + (high > low ? (x - low) / (high - low) : 1)) / QUANTILE_STEPS
  }
  return 1
}

/** The duration's p-quantile given it is longer than `elapsed`; never less than `elapsed`. */
export function conditionalQuantile(quantiles: readonly number[], p: number, elapsed: number): number {
  const survived = cumulativeAt(quantiles, elapsed)
  return Math.max(elapsed, quantileAt(quantiles, survived + p * (1 - survived)))
}
