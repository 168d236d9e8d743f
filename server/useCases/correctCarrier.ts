// Kuaidi100's carrier auto-correction (aggregators.md §2.5): the submitted carrier was wrong, so
// Kuaidi100 re-subscribed the number under the right one (`abort, autoCheck=0, comNew`, then pushes
// with `autoCheck=1, comOld, comNew`). The parcel under the old carrier is superseded by one under the
// new carrier — same order, same 包裹 number, its scans carried over — and the order summary follows,
// all in one transaction. Re-running it (every corrected push carries comOld/comNew) changes nothing.
import { parcelIdOf, type OrderDoc, type ParcelDoc } from '../../core/api'
import type { CarrierCode } from '../../core/carriers'
import { orderWithParcels, summariseParcel, withParcelSummary } from '../../core/orders'
import { mergeTracking, parcelTrackingSchema, trackingEventId } from '../../core/tracking'
import { afterKuaidi100Stop } from '../outbox/subscriptionTransitions'
import { COLLECTIONS, TRANSACTION_RETRIES } from '../platform/database'
import { transactionDocs } from '../repositories/transactionDocs'
import type { ApplyDeps } from './applyTracking'
import { trackingOf, withTracking } from './applyTracking'
import { nodeDigests } from '../platform/digests'

export type CorrectionResult = { found: false } | { found: true; parcelId: string }

/** Event ids hash the carrier (core/tracking trackingEventId): re-keyed, a scan carried over and the
 * same scan pushed under the new carrier are one event. */
function carriedOver(parcel: ParcelDoc, to: CarrierCode) {
  const events = parcel.events.map((event) => ({
    ...event,
    id: trackingEventId({ carrier: to, trackingNo: parcel.trackingNo, at: event.at, text: event.text }, nodeDigests),
  }))
  return parcelTrackingSchema.parse({ events, signals: [], vendorEta: parcel.vendorEta, vendorMap: parcel.vendorMap })
}

export async function correctCarrier(deps: ApplyDeps, fromParcelId: string, to: CarrierCode): Promise<CorrectionResult> {
  return deps.db.runTransaction(async (tx): Promise<CorrectionResult> => {
    const docs = transactionDocs(tx)
    const old = await docs.get<ParcelDoc>(COLLECTIONS.parcels, fromParcelId)
    if (!old) return { found: false }
    const newId = parcelIdOf(to, old.trackingNo)
    // Already corrected (by an earlier push, or by the merchant): follow where it went.
    if (old.supersededBy !== null) return { found: true, parcelId: old.supersededBy }
    const existing = await docs.get<ParcelDoc>(COLLECTIONS.parcels, newId)
    if (existing && existing.orderId !== old.orderId) return { found: false }
    const now = deps.now()
    const tracking = existing ? mergeTracking(trackingOf(existing), carriedOver(old, to)) : carriedOver(old, to)
    const base: ParcelDoc = existing ?? {
      ...old,
      _id: newId,
      carrier: to,
      supersededBy: null,
      createdAt: now,
      version: 0,
      polling: { windowStartedAt: null, queriesInWindow: 0, lastRefreshAt: null, lastQueryAt: null },
    }
    const moved: ParcelDoc = {
      ...withTracking(base, tracking),
      supersededBy: null,
      // Kuaidi100 already follows the number under the new carrier: nothing to subscribe.
      subscription: {
        ...old.subscription,
        vendor: 'kuaidi100',
        state: 'subscribed',
        nextAttemptAt: null,
        lastError: null,
        subscribedAt: now,
      },
      updatedAt: now,
      version: base.version + 1,
    }
    const superseded: ParcelDoc = {
      ...old,
      supersededBy: newId,
      subscription: afterKuaidi100Stop(old.subscription, 'carrier_corrected', '', now),
      updatedAt: now,
      version: old.version + 1,
    }
    await docs.put(COLLECTIONS.parcels, moved)
    await docs.put(COLLECTIONS.parcels, superseded)
    const order = await docs.get<OrderDoc>(COLLECTIONS.orders, old.orderId)
    if (order) {
      const summaries = withParcelSummary(withParcelSummary(order.parcels, summariseParcel(superseded)), summariseParcel(moved))
      await docs.put(COLLECTIONS.orders, orderWithParcels(order, summaries, now))
    }
    return { found: true, parcelId: newId }
  }, TRANSACTION_RETRIES)
}
