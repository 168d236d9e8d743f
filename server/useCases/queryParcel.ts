// An instant query at the vendor, for the poll and for refreshes, rationed per number (Kuaidi100's
// lock rule) and fed through the same merge as pushes. The query is recorded against the budget
// before it is made: the vendor counts queries, not answers.
import type { ParcelDoc } from '../../core/api'
import type { TrackingVendorClient } from '../aggregators/trackingVendor'
import { QUERY_RULES, queryAllowance } from '../polling/queryBudget'
import { parcelRepository } from '../repositories/parcels'
import { applySnapshot, emptySnapshot, type ApplyDeps, type TrackingSource } from './applyTracking'
import { vendorParcel } from './subscribeTracking'

export interface QueryDeps extends ApplyDeps {
  vendor: TrackingVendorClient
}

export type QueryResult =
  | { ok: true; changed: boolean; parcel: ParcelDoc }
  | { ok: false; reason: 'budget'; retryAfterMs: number }
  | { ok: false; reason: 'vendor'; error: string }
  | { ok: false; reason: 'gone' }

export async function queryParcel(deps: QueryDeps, parcel: ParcelDoc, source: Exclude<TrackingSource, 'push'>): Promise<QueryResult> {
  const rules = QUERY_RULES[deps.vendor.vendor]
  const now = deps.now()
  const allowance = queryAllowance(parcel.polling, rules, now)
  if (!allowance.ok) return { ok: false, reason: 'budget', retryAfterMs: allowance.retryAfterMs }
  const polling = source === 'refresh' ? { ...allowance.polling, lastRefreshAt: now } : allowance.polling
  // Someone else queried this number since we read it: theirs counts, ours waits.
  if (!(await parcelRepository(deps.db).claimQuery(parcel._id, parcel.polling, polling))) {
    return { ok: false, reason: 'budget', retryAfterMs: rules.minIntervalMs }
  }
  const answer = await deps.vendor.query(vendorParcel(parcel))
  if (!answer.ok && answer.reason !== 'no_result') return { ok: false, reason: 'vendor', error: answer.error }
  // "查询无结果" still means the vendor was asked and had nothing newer: recorded as heard from.
  const snapshot = answer.ok ? answer.snapshot : emptySnapshot(parcel, deps.vendor.vendor)
  const applied = await applySnapshot(deps, parcel._id, snapshot, source)
  if (!applied.found) return { ok: false, reason: 'gone' }
  return { ok: true, changed: applied.changed, parcel: applied.parcel }
}
