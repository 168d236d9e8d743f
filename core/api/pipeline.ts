// The logistics pipeline's own entry points: the timer functions' run reports (results of timer runs
// go nowhere on the platform, reference/wechat.md §1.4, but the emulator's fireTimer and the logs
// show them) and the warehouse HTTP route's authentication contract.
import type { Failure } from './result'

export interface SubscribeRunReport {
  ok: true
  /** Pending subscriptions that were due this run (at most the per-run bound). */
  due: number
  subscribed: number
  /** Retryable failures, rescheduled with backoff. */
  retrying: number
  /** Refused for good (credentials, carrier not served, …): `subscription.state = 'failed'`. */
  failed: number
  /** Claimed by another run in the meantime. */
  skipped: number
}

export interface PollRunReport {
  ok: true
  /** pushInbox rows left un-applied by a storage failure and applied now. */
  redriven: number
  /** Silent parcels queried at the vendor. */
  polled: number
  /** Of those, parcels whose tracking changed. */
  changed: number
  /** Silent parcels left alone because their per-number query budget is spent (Kuaidi100 lock rule). */
  skippedForBudget: number
  failed: number
}

/** `forbidden`: a page called a timer function (any client may call any function by name). */
export type TimerRunResult<Report> = Report | Failure<'internal_error' | 'forbidden'>

/** What prunePushInbox reports: rows deleted, the receivedAt cutoff, and whether a backlog remains. */
export interface PushInboxRetentionReport {
  ok: true
  removed: number
  cutoff: number
  more: boolean
}

/**
 * `POST /warehouse/backfill` (HTTP access): the body is the backfillTracking input as JSON. The
 * caller sends the time it signed at (epoch ms) and `hex(HMAC-SHA256(WAREHOUSE_HMAC_SECRET,
 * timestamp + "." + rawBody))`; a timestamp outside the skew window is refused, so a captured request
 * cannot be replayed later (and within the window a replay is harmless: backfill is idempotent).
 */
export const WAREHOUSE_TIMESTAMP_HEADER = 'x-warehouse-timestamp'
export const WAREHOUSE_SIGNATURE_HEADER = 'x-warehouse-signature'
export const WAREHOUSE_MAX_SKEW_MS = 5 * 60 * 1000
