// refreshTracking: the parcel's owner asks for news now (the tracking page's pull-to-refresh), and the
// merchant console's refreshParcel. Rate-limited per parcel, never for finished or replaced parcels,
// through the same query + merge path as the poll.
import { failure, type ParcelDoc, type RefreshTrackingResult } from '../../core/api'
import type { PipelineConfig } from '../config'
import { refreshAllowance } from '../polling/queryBudget'
import { parcelRepository } from '../repositories/parcels'
import { queryParcel, type QueryDeps } from './queryParcel'

export interface RefreshDeps extends QueryDeps {
  config: PipelineConfig
}

/** `owner`: the caller's openid for a shopper (another shopper's parcel is `not_found`); null for a merchant. */
export async function refreshTracking(deps: RefreshDeps, parcelId: string, owner: string | null): Promise<RefreshTrackingResult> {
  const parcel: ParcelDoc | null = await parcelRepository(deps.db).get(parcelId)
  if (!parcel || (owner !== null && parcel._openid !== owner)) return failure('not_found', 'no such parcel')
  if (parcel.terminal || parcel.supersededBy !== null) return { ok: true, parcel, queried: false }
  const allowed = refreshAllowance(parcel.polling, deps.config.limits.refreshMinIntervalMs, deps.now())
  if (!allowed.ok) return { ...failure('rate_limited', 'refreshed a moment ago; try again later'), retryAfterMs: allowed.retryAfterMs }
  const result = await queryParcel(deps, parcel, 'refresh')
  if (result.ok) return { ok: true, parcel: result.parcel, queried: true }
  switch (result.reason) {
    case 'budget':
      return { ...failure('rate_limited', 'this parcel was queried recently; try again later'), retryAfterMs: result.retryAfterMs }
    case 'gone':
      return failure('not_found', 'no such parcel')
    case 'vendor':
      return failure('vendor_unavailable', `the tracking service did not answer: ${result.error}`)
  }
}
