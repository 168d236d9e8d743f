// When the subscription outbox tries again. Deterministic (no jitter): the per-run bound and the
// pacing at vendor QPS already spread a backlog out, and a fixed schedule is what the merchant
// console can explain ("next attempt at …").
export const FIRST_RETRY_MS = 60_000
export const MAX_RETRY_MS = 6 * 60 * 60 * 1000

/** Delay after the `attempts`-th failed attempt: 1 min, 2, 4, 8 … capped at 6 h. Never gives up on a
 * retryable failure: an outage delays subscriptions and loses none. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1)
  return exponent >= 20 ? MAX_RETRY_MS : Math.min(FIRST_RETRY_MS * 2 ** exponent, MAX_RETRY_MS)
}

/** Kuaidi100 answers 501 重复订阅 for 30 min after an abort (aggregators.md §2.4, §9); one more minute
 * of margin so the re-subscription is not mistaken for "already tracked". */
export const RESUBSCRIBE_AFTER_ABORT_MS = 31 * 60 * 1000

/** "同一快递公司同一个快递单号,每月最大订阅次数为4次" (§2.4): the first subscription plus three. */
export const MAX_RESUBSCRIPTIONS = 3

/** A claimed attempt whose outcome was never recorded (the function died) is due again after this. */
export const CLAIM_LEASE_MS = 2 * 60 * 1000

/** How many new parcels backfill subscribes itself: its time budget at the vendor's rate. The rest
 * stay pending for subscribeTracking (a batch of 500 cannot be done in one invocation at 10/s). */
export function inlineSubscribeCount(budgetMs: number, qps: number): number {
  return Math.max(0, Math.floor((budgetMs / 1000) * qps))
}

/** Spacing between vendor calls for a rate limit. */
export function paceMs(qps: number): number {
  return Math.ceil(1000 / qps)
}
