// Runs an async step over items with at most `limit` in flight; results keep the input order.
// Backfill uses it so a 500-entry batch fits a function's time limit at real database latency
// (each entry is several round trips), while entries stay independent of each other.
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  step: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  // One iterator shared by all workers: each takes the next entry when it is free.
  const entries = items.entries()
  const worker = async () => {
    for (const [index, item] of entries) results[index] = await step(item, index)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
