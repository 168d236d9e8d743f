// THE merge path: a push, a poll and a refresh all land here. No transaction (it costs two database
// actions of its own): one read of the parcel, core's order-independent merge in memory, and only
// when something changed one update of the changed fields, guarded by the version that was read
// (and by the subscription as read, which the outbox writes without a version). A writer that lost
// the race reads and merges again, so concurrent pushes for one parcel lose nothing. The order's
// summary follows the parcel write: read, and written guarded by the order's summaryRevision, and a
// summary built from an older parcel version never replaces a newer one, so concurrent pushes for
// two parcels of one order lose nothing and nothing goes back in time.
import type { OrderDoc, ParcelDoc, ParcelSubscription } from '../../core/api'
import { orderWithParcels, parcelStatistics, summariseParcel, withParcelSummary } from '../../core/orders'
import { mergeSnapshot, parcelTrackingSchema, type ParcelTracking, type TrackingSnapshot } from '../../core/tracking'
import { canonicalJson } from '../../core/tracking/canonicalJson'
import type { Clock } from '../platform/clock'
import { COLLECTIONS, TRANSACTION_RETRIES, type Database, type Doc } from '../platform/database'
import { deriveParcelView } from './parcelDerivations'

export type TrackingSource = 'push' | 'poll' | 'refresh'

/** With nothing new, `lastCheckedAt` is refreshed at most this often: duplicates and retries are
 * common (full snapshots, aggregators.md §1.6, §2.5) and need not cost a write each. */
export const HEARD_REFRESH_MS = 30 * 60 * 1000

export type ApplyResult = { found: false } | { found: true; superseded: boolean; changed: boolean; parcel: ParcelDoc }

export interface ApplyDeps {
  db: Database
  now: Clock
}

/** What a snapshot's arrival says about the subscription (a push proves it; Kuaidi100 abort/shutdown end it). */
export type SubscriptionChange = (current: ParcelSubscription, now: number) => ParcelSubscription

/** What merging one snapshot would do to one parcel, decided from one read. */
export type ParcelPlan =
  | { kind: 'unknown' }
  | { kind: 'superseded'; parcel: ParcelDoc }
  | { kind: 'unchanged'; parcel: ParcelDoc }
  /** `trackingChanged`: more than bookkeeping (heard-from time, subscription) changed. */
  | { kind: 'change'; parcel: ParcelDoc; next: ParcelDoc; trackingChanged: boolean }

export function trackingOf(parcel: ParcelDoc): ParcelTracking {
  return parcelTrackingSchema.parse(parcel)
}

/** The parcel with merged tracking and what follows from it; `stats` rides in the same write, so the
 * merchant console's statistics cost no database action on the merge path. */
export function withTracking(parcel: ParcelDoc, tracking: ParcelTracking): ParcelDoc {
  const next = { ...parcel, ...tracking, deliveredAt: tracking.status === 'DELIVERED' ? tracking.lastEventAt : null }
  return { ...next, stats: parcelStatistics({ ...next, province: next.destination.province }) }
}

// Written on every change, so not evidence of one.
const BOOKKEEPING = new Set(['lastCheckedAt', 'lastPushAt', 'updatedAt', 'version'])

/** Top-level fields whose value differs (`_id` never does). */
function changedFields(before: ParcelDoc, after: ParcelDoc): string[] {
  const was = before as unknown as Doc
  const is = after as unknown as Doc
  return Object.keys(is).filter((key) => key !== '_id' && canonicalJson(is[key]) !== canonicalJson(was[key]))
}

export async function planSnapshot(
  deps: ApplyDeps,
  parcelId: string,
  snapshot: TrackingSnapshot,
  source: TrackingSource,
  subscriptionChange?: SubscriptionChange,
): Promise<ParcelPlan> {
  const parcel = (await deps.db.collection(COLLECTIONS.parcels).doc(parcelId).get()).data as ParcelDoc | null
  if (!parcel) return { kind: 'unknown' }
  // A replaced parcel is history: its old number's vendor may keep pushing, and nothing shows it.
  if (parcel.supersededBy !== null) return { kind: 'superseded', parcel }
  const now = deps.now()
  const subscription = subscriptionChange ? subscriptionChange(parcel.subscription, now) : parcel.subscription
  const merged = deriveParcelView(
    { ...withTracking(parcel, mergeSnapshot(trackingOf(parcel), snapshot)), subscription },
    { before: parcel, now, source },
  )
  const changed = changedFields(parcel, merged).filter((key) => !BOOKKEEPING.has(key))
  const heardDue = parcel.lastCheckedAt === null || now - parcel.lastCheckedAt >= HEARD_REFRESH_MS
  if (changed.length === 0 && !heardDue) return { kind: 'unchanged', parcel }
  const next: ParcelDoc = {
    ...merged,
    lastCheckedAt: now,
    lastPushAt: source === 'push' ? now : parcel.lastPushAt,
    updatedAt: now,
    version: parcel.version + 1,
  }
  return { kind: 'change', parcel, next, trackingChanged: changed.some((key) => key !== 'subscription') }
}

/** Writes a planned change: false when another writer changed the parcel since it was read. */
export async function commitPlan(deps: ApplyDeps, plan: Extract<ParcelPlan, { kind: 'change' }>): Promise<boolean> {
  const _ = deps.db.command
  const { parcel, next } = plan
  const fields = changedFields(parcel, next)
  const data: Doc = {}
  const nextDoc = next as unknown as Doc
  // `set` replaces an object or array as a whole; a plain object would be merged field by field.
  for (const key of fields) data[key] = nextDoc[key] !== null && typeof nextDoc[key] === 'object' ? _.set(nextDoc[key]) : nextDoc[key]
  // Fields that vanished (an optional one the merge dropped) are written as null: documents keep no undefined.
  for (const key of Object.keys(parcel)) if (!(key in nextDoc)) data[key] = null
  const guard: Doc = { _id: parcel._id, version: parcel.version }
  if (fields.includes('subscription')) {
    Object.assign(guard, {
      'subscription.state': parcel.subscription.state,
      'subscription.attempts': parcel.subscription.attempts,
      'subscription.nextAttemptAt': parcel.subscription.nextAttemptAt,
    })
  }
  const written = await deps.db.collection(COLLECTIONS.parcels).where(guard).update({ data })
  if (written.stats.updated !== 1) return false
  // The order shows only the summary (status, newest scan…): an older scan arriving late changes none of it.
  const summaryOf = (doc: ParcelDoc) => canonicalJson({ ...summariseParcel(doc), version: 0 })
  if (plan.trackingChanged && summaryOf(parcel) !== summaryOf(next)) await syncOrderSummary(deps, next)
  return true
}

/** Brings the order's summary of `parcel` up to it, unless the order already has it or a newer one. */
export async function syncOrderSummary(deps: ApplyDeps, parcel: ParcelDoc): Promise<void> {
  const orders = deps.db.collection(COLLECTIONS.orders)
  const summary = summariseParcel(parcel)
  for (let attempt = 0; attempt <= TRANSACTION_RETRIES; attempt += 1) {
    const order = (await orders.doc(parcel.orderId).get()).data as OrderDoc | null
    if (!order) return
    const existing = order.parcels.find((candidate) => candidate.parcelId === parcel._id)
    if (existing && ((existing.version ?? -1) > parcel.version || canonicalJson(existing) === canonicalJson(summary))) return
    const next = orderWithParcels(order, withParcelSummary(order.parcels, summary), deps.now())
    const written = await orders.where({ _id: order._id, summaryRevision: order.summaryRevision ?? null }).update({
      data: {
        parcels: deps.db.command.set(next.parcels),
        status: next.status,
        shippedAt: next.shippedAt,
        deliveredAt: next.deliveredAt,
        updatedAt: next.updatedAt,
        summaryRevision: next.summaryRevision,
      },
    })
    if (written.stats.updated === 1) return
  }
  throw new Error(`order ${parcel.orderId}: its summaries kept changing under us (${TRANSACTION_RETRIES + 1} attempts)`)
}

export function resultOf(plan: ParcelPlan): ApplyResult {
  switch (plan.kind) {
    case 'unknown':
      return { found: false }
    case 'superseded':
      return { found: true, superseded: true, changed: false, parcel: plan.parcel }
    case 'unchanged':
      return { found: true, superseded: false, changed: false, parcel: plan.parcel }
    case 'change':
      return { found: true, superseded: false, changed: plan.trackingChanged, parcel: plan.next }
  }
}

/** Plans and commits, planning again on the state another writer committed when it lost a race. */
export async function applySnapshot(
  deps: ApplyDeps,
  parcelId: string,
  snapshot: TrackingSnapshot,
  source: TrackingSource,
  subscriptionChange?: SubscriptionChange,
  firstPlan?: ParcelPlan,
): Promise<ApplyResult> {
  let plan = firstPlan ?? (await planSnapshot(deps, parcelId, snapshot, source, subscriptionChange))
  for (let attempt = 0; ; attempt += 1) {
    if (plan.kind !== 'change' || (await commitPlan(deps, plan))) return resultOf(plan)
    if (attempt >= TRANSACTION_RETRIES)
      throw new Error(`parcel ${parcelId}: changed by other writers on every one of ${TRANSACTION_RETRIES + 1} attempts`)
    plan = await planSnapshot(deps, parcelId, snapshot, source, subscriptionChange)
  }
}

/** A snapshot that says nothing: applying it only records that the vendor was heard from. */
export function emptySnapshot(parcel: Pick<ParcelDoc, 'carrier' | 'trackingNo'>, vendor: TrackingSnapshot['vendor']): TrackingSnapshot {
  return { vendor, carrier: parcel.carrier, trackingNo: parcel.trackingNo, events: [], signals: [], eta: null }
}
