// Runs an async step over items with at most `limit` in flight; results keep the input order.
// Backfill uses it so a 500-entry batch fits a function's time limit at real database latency
// (each entry is several round trips), while entries stay independent of each other.
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, step: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let nextIndex = 0
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex
      nextIndex += 1
      results[index] = await step(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
