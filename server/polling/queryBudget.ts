// Instant queries per number are rationed. Kuaidi100 locks a number queried more than 48 times in
// 24 h for the next 24 h and asks for at most one query an hour (aggregators.md §2.8; the map product:
// "至少在半小时以上"); we stay at half of that. Kdniao has no per-number rule, only a daily total
// (≤3万, §1.9) and QPS, so its budget only stops one number from eating the day's quota.
import type { ParcelDoc, TrackingVendor } from '../../core/api'

export interface QueryRules {
  windowMs: number
  maxPerWindow: number
  minIntervalMs: number
}

const DAY_MS = 24 * 60 * 60 * 1000

export const QUERY_RULES: Record<TrackingVendor, QueryRules> = {
  kuaidi100: { windowMs: DAY_MS, maxPerWindow: 24, minIntervalMs: 30 * 60 * 1000 },
  kdniao: { windowMs: DAY_MS, maxPerWindow: 96, minIntervalMs: 5 * 60 * 1000 },
}

export type PollingState = ParcelDoc['polling']

export type QueryAllowance = { ok: true; polling: PollingState } | { ok: false; retryAfterMs: number }

/** Whether a query may be made now, and the bookkeeping to store with it (recorded before the call:
 * the vendor counts queries, not answers). */
export function queryAllowance(polling: PollingState, rules: QueryRules, now: number): QueryAllowance {
  const lastQueryAt = polling.lastQueryAt ?? null
  if (lastQueryAt !== null && now - lastQueryAt < rules.minIntervalMs)
    return { ok: false, retryAfterMs: lastQueryAt + rules.minIntervalMs - now }
  const windowOpen = polling.windowStartedAt !== null && now - polling.windowStartedAt < rules.windowMs
  const windowStartedAt = windowOpen ? (polling.windowStartedAt as number) : now
  const queriesInWindow = windowOpen ? polling.queriesInWindow : 0
  if (queriesInWindow >= rules.maxPerWindow) return { ok: false, retryAfterMs: windowStartedAt + rules.windowMs - now }
  return { ok: true, polling: { ...polling, windowStartedAt, queriesInWindow: queriesInWindow + 1, lastQueryAt: now } }
}

/** A shopper refreshes one parcel at most this often (config), independent of the vendor budget. */
export function refreshAllowance(
  polling: PollingState,
  minIntervalMs: number,
  now: number,
): { ok: true } | { ok: false; retryAfterMs: number } {
  const last = polling.lastRefreshAt
  if (last !== null && now - last < minIntervalMs) return { ok: false, retryAfterMs: last + minIntervalMs - now }
  return { ok: true }
}
