// The subscription outbox (DESIGN §3.4): parcels are written `pending`, then subscribed from that
// record — by backfill right away within its budget, by the subscribeTracking timer for the rest and
// for retries. Each attempt is claimed first, so an inline attempt and a timer run never subscribe
// the same parcel twice, and is paced to stay under the vendor's rate limit.
import type { ParcelDoc, SubscribeRunReport, SubscriptionState } from '../../core/api'
import type { TrackingVendorClient, VendorParcel } from '../aggregators/trackingVendor'
import type { PipelineLimits } from '../config'
import { afterSubscribeAttempt } from '../outbox/subscriptionTransitions'
import { CLAIM_LEASE_MS, paceMs } from '../outbox/subscriptionSchedule'
import type { Clock, Sleep } from '../platform/clock'
import type { Database } from '../platform/database'
import { parcelRepository } from '../repositories/parcels'

export interface SubscribeDeps {
  db: Database
  now: Clock
  sleep: Sleep
  vendor: TrackingVendorClient
  limits: PipelineLimits
}

export function vendorParcel(parcel: ParcelDoc): VendorParcel {
  return { carrier: parcel.carrier, trackingNo: parcel.trackingNo, phoneTail: parcel.phoneTail, destination: parcel.destination }
}

export interface SubscribeBatch {
  report: SubscribeRunReport
  /** The state each attempted parcel ended in. */
  states: Map<string, SubscriptionState>
}

/** A run stops starting new vendor calls after this, well inside the functions' 60 s timeout
 * (reference/wechat.md §1.5); what is left is due for the next run. */
export const RUN_BUDGET_MS = 40_000

export async function subscribeParcels(deps: SubscribeDeps, parcels: readonly ParcelDoc[]): Promise<SubscribeBatch> {
  const repository = parcelRepository(deps.db)
  const report: SubscribeRunReport = { ok: true, due: parcels.length, subscribed: 0, retrying: 0, failed: 0, skipped: 0 }
  const states = new Map<string, SubscriptionState>()
  const startedAt = deps.now()
  let calls = 0
  for (const parcel of parcels) {
    if (deps.now() - startedAt > RUN_BUDGET_MS) break
    try {
      const claimedAt = deps.now()
      if (!(await repository.claimSubscription(parcel._id, claimedAt, claimedAt + CLAIM_LEASE_MS))) {
        report.skipped += 1
        continue
      }
      if (calls > 0) await deps.sleep(paceMs(deps.limits.vendorQps))
      calls += 1
      const outcome = await deps.vendor.subscribe(vendorParcel(parcel))
      const next = afterSubscribeAttempt(parcel.subscription, deps.vendor.vendor, outcome, deps.now())
      await repository.setSubscription(parcel._id, next, deps.now())
      states.set(parcel._id, next.state)
      if (next.state === 'subscribed') report.subscribed += 1
      else if (next.state === 'failed') report.failed += 1
      else report.retrying += 1
    } catch (error) {
      // Storage refused the claim or the outcome: the lease makes the parcel due again, and a repeated
      // subscription is harmless (Kdniao accepts it, Kuaidi100 answers 501 重复订阅, §1.5, §2.4).
      console.error(`[subscribe] ${parcel._id}: storage error: ${(error as Error).message ?? String(error)}`)
      report.retrying += 1
    }
  }
  return { report, states }
}

/** The timer: every due pending subscription, oldest due first, at most `subscribeBatch` per run. */
export async function subscribeDue(deps: SubscribeDeps): Promise<SubscribeRunReport> {
  const due = await parcelRepository(deps.db).dueSubscriptions(deps.now(), deps.limits.subscribeBatch)
  return (await subscribeParcels(deps, due)).report
}
