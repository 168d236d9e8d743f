// After a watch error, rebuild with exponential backoff: 1 s, 2 s, 4 s … capped at 30 s, and give
// up after 6 tries (the CloudBase SDK itself already retried the socket 5 times 10 s apart before
// reporting, reference/wechat.md §2.4), then say so and let the shopper retry.
export const MAX_RECONNECT_ATTEMPTS = 6
const BASE_MS = 1_000
const CAP_MS = 30_000

/** Delay before attempt `attempt` (1-based); null when no automatic attempt is left. */
export function reconnectDelay(attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a positive integer, got ${attempt}`)
  if (attempt > MAX_RECONNECT_ATTEMPTS) return null
  return Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1))
}
