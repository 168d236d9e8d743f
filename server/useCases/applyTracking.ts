// THE merge path: a push, a poll and a refresh all land here. One transaction reads the parcel, folds
// the snapshot in with core's order-independent merge, and writes the parcel and its order's summary
// together, so concurrent pushes for one parcel (or for two parcels of one order) lose nothing: a
// conflicting writer's transaction is retried on the state the other one committed.
import type { OrderDoc, ParcelDoc, ParcelSubscription } from '../../core/api'
import { orderWithParcels, parcelStatistics, summariseParcel, withParcelSummary } from '../../core/orders'
import { mergeSnapshot, parcelTrackingSchema, type ParcelTracking, type TrackingSnapshot } from '../../core/tracking'
import { canonicalJson } from '../../core/tracking/canonicalJson'
import type { Clock } from '../platform/clock'
import { COLLECTIONS, TRANSACTION_RETRIES, type Database } from '../platform/database'
import { transactionDocs } from '../repositories/transactionDocs'

export type TrackingSource = 'push' | 'poll' | 'refresh'

/** With nothing new, `lastCheckedAt` is refreshed at most this often: duplicates and retries are
 * common (full snapshots, aggregators.md §1.6, §2.5) and need not cost a write each. */
export const HEARD_REFRESH_MS = 30 * 60 * 1000

export type ApplyResult =
  | { found: false }
  | { found: true; superseded: boolean; changed: boolean; parcel: ParcelDoc }

export interface ApplyDeps { db: Database; now: Clock }

/** What a snapshot's arrival says about the subscription (a push proves it; Kuaidi100 abort/shutdown end it). */
export type SubscriptionChange = (current: ParcelSubscription, now: number) => ParcelSubscription

const trackingKey = (tracking: ParcelTracking) => canonicalJson({
  events: tracking.events, signals: tracking.signals, vendorEta: tracking.vendorEta, vendorMap: tracking.vendorMap, status: tracking.status, subStatus: tracking.subStatus,
})

export function trackingOf(parcel: ParcelDoc): ParcelTracking {
  return parcelTrackingSchema.parse(parcel)
}

/** The parcel with merged tracking and what follows from it; `stats` rides in the same write, so the
 * merchant console's statistics cost no database action on the merge path. */
export function withTracking(parcel: ParcelDoc, tracking: ParcelTracking): ParcelDoc {
  const next = { ...parcel, ...tracking, deliveredAt: tracking.status === 'DELIVERED' ? tracking.lastEventAt : null }
  return { ...next, stats: parcelStatistics({ ...next, province: next.destination.province }) }
}

export async function applySnapshot(
  deps: ApplyDeps,
  parcelId: string,
  snapshot: TrackingSnapshot,
  source: TrackingSource,
  subscriptionChange?: SubscriptionChange,
): Promise<ApplyResult> {
  return deps.db.runTransaction(async (tx): Promise<ApplyResult> => {
    const docs = transactionDocs(tx)
    const parcel = await docs.get<ParcelDoc>(COLLECTIONS.parcels, parcelId)
    if (!parcel) return { found: false }
    // A replaced parcel is history: its old number's vendor may keep pushing, and nothing shows it.
    if (parcel.supersededBy !== null) return { found: true, superseded: true, changed: false, parcel }
    const now = deps.now()
    const before = trackingOf(parcel)
    const after = mergeSnapshot(before, snapshot)
    const trackingChanged = trackingKey(before) !== trackingKey(after)
    const subscription = subscriptionChange ? subscriptionChange(parcel.subscription, now) : parcel.subscription
    const subscriptionChanged = canonicalJson(subscription) !== canonicalJson(parcel.subscription)
    const heardDue = parcel.lastCheckedAt === null || now - parcel.lastCheckedAt >= HEARD_REFRESH_MS
    if (!trackingChanged && !subscriptionChanged && !heardDue) return { found: true, superseded: false, changed: false, parcel }

    const next: ParcelDoc = {
      ...withTracking(parcel, after),
      subscription,
      lastCheckedAt: now,
      lastPushAt: source === 'push' ? now : parcel.lastPushAt,
      updatedAt: now,
      version: parcel.version + 1,
    }
    await docs.put(COLLECTIONS.parcels, next)
    if (trackingChanged) {
      const order = await docs.get<OrderDoc>(COLLECTIONS.orders, parcel.orderId)
      if (order) await docs.put(COLLECTIONS.orders, orderWithParcels(order, withParcelSummary(order.parcels, summariseParcel(next)), now))
    }
    return { found: true, superseded: false, changed: trackingChanged, parcel: next }
  }, TRANSACTION_RETRIES)
}

/** A snapshot that says nothing: applying it only records that the vendor was heard from. */
export function emptySnapshot(parcel: Pick<ParcelDoc, 'carrier' | 'trackingNo'>, vendor: TrackingSnapshot['vendor']): TrackingSnapshot {
  return { vendor, carrier: parcel.carrier, trackingNo: parcel.trackingNo, events: [], signals: [], eta: null }
}
