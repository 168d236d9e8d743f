// backfillTracking: tracking numbers recorded at shipment, by a merchant in the admin tab or by a
// warehouse system over HTTP. One result per entry, in input order; each entry is validated and
// written on its own (a failed entry writes nothing and never affects the others). New parcels are
// written `pending` and then subscribed within a small budget; the timer does the rest.
import {
  backfillEntrySchema,
  failure,
  parcelIdOf,
  type BackfillEntry,
  type BackfillEntryResult,
  type BackfillTrackingResult,
  type OrderDoc,
  type ParcelDoc,
} from '../../core/api'
import { describeIssues } from '../../core/aggregators/vendorWire'
import { allocateItems, nextParcelSeq, orderWithParcels, summariseParcel, withParcelSummary } from '../../core/orders'
import { emptyTracking } from '../../core/tracking'
import type { PipelineConfig } from '../config'
import { inlineSubscribeCount } from '../outbox/subscriptionSchedule'
import { pendingSubscription } from '../outbox/subscriptionTransitions'
import { mapWithConcurrency } from '../platform/concurrency'
import { COLLECTIONS, TRANSACTION_RETRIES } from '../platform/database'
import { orderRepository } from '../repositories/orders'
import { parcelRepository } from '../repositories/parcels'
import { transactionDocs } from '../repositories/transactionDocs'
import type { WechatOpenApi } from '../platform/wechatOpenApi'
import { pendingSync, requestShippingSync } from '../shipping/shippingSync'
import { resolveTrackingNumber } from './resolveTrackingNumber'
import { subscribeParcels, type SubscribeDeps } from './subscribeTracking'

export interface BackfillDeps extends SubscribeDeps {
  config: PipelineConfig
  /** 云调用 for the WeChat shipping upload (server/shipping). */
  openApi: WechatOpenApi
}

type EntryFailure = Extract<BackfillEntryResult, { ok: false }>

interface WritePlan {
  orderId: string
  parcelId: string
  carrier: ParcelDoc['carrier']
  trackingNo: string
  phoneTail: string | null
  items: ParcelDoc['items']
  replaces: string | null
}

type WriteOutcome =
  { ok: true; parcel: ParcelDoc; revived: boolean } | { ok: false; race: 'exists' | 'other_order'; otherOrderId?: string } | EntryFailure

const stopped = (parcel: ParcelDoc, by: string): ParcelDoc['subscription'] => ({
  ...parcel.subscription,
  state: parcel.subscription.state === 'failed' ? 'failed' : 'stopped',
  nextAttemptAt: null,
  lastError: `superseded by ${by}`,
})

function newParcel(plan: WritePlan, order: OrderDoc, seq: number, deps: BackfillDeps, now: number): ParcelDoc {
  return {
    ...emptyTracking(),
    _id: plan.parcelId,
    _openid: order._openid,
    orderId: order._id,
    seq,
    carrier: plan.carrier,
    trackingNo: plan.trackingNo,
    phoneTail: plan.phoneTail,
    items: plan.items,
    destination: { province: order.address.provinceName, city: order.address.cityName },
    subscription: pendingSubscription(deps.config.vendor, now),
    supersededBy: null,
    lastCheckedAt: null,
    lastPushAt: null,
    polling: { windowStartedAt: null, queriesInWindow: 0, lastRefreshAt: null, lastQueryAt: null },
    shippedAt: now,
    deliveredAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
}

/** Parcel (new, or a superseded one of this order brought back), the replaced parcel and the order,
 * in one transaction: all of it or nothing. Conditions are re-checked on the transaction's reads. */
async function writeParcel(deps: BackfillDeps, plan: WritePlan): Promise<WriteOutcome> {
  return deps.db.runTransaction(async (tx): Promise<WriteOutcome> => {
    const docs = transactionDocs(tx)
    const now = deps.now()
    const order = await docs.get<OrderDoc>(COLLECTIONS.orders, plan.orderId)
    if (!order) return failure('order_not_found', `no order ${plan.orderId}`)
    const current = await docs.get<ParcelDoc>(COLLECTIONS.parcels, plan.parcelId)
    if (current && current.orderId !== order._id) return { ok: false, race: 'other_order', otherOrderId: current.orderId }
    if (current && current.supersededBy === null) return { ok: false, race: 'exists' }
    const replaced = plan.replaces ? await docs.get<ParcelDoc>(COLLECTIONS.parcels, plan.replaces) : null
    if (plan.replaces && (!replaced || replaced.orderId !== order._id || replaced.supersededBy !== null)) {
      return failure('replaced_parcel_not_found', `no active parcel ${plan.replaces} on order ${order._id}`)
    }
    const seq = replaced?.seq ?? current?.seq ?? nextParcelSeq(order.parcels)
    const parcel: ParcelDoc = current
      ? {
          ...current,
          seq,
          phoneTail: plan.phoneTail,
          items: plan.items,
          supersededBy: null,
          subscription: pendingSubscription(deps.config.vendor, now),
          updatedAt: now,
          version: current.version + 1,
        }
      : newParcel(plan, order, seq, deps, now)
    await docs.put(COLLECTIONS.parcels, parcel)
    let summaries = withParcelSummary(order.parcels, summariseParcel(parcel))
    if (replaced) {
      const superseded: ParcelDoc = {
        ...replaced,
        supersededBy: parcel._id,
        subscription: stopped(replaced, parcel._id),
        updatedAt: now,
        version: replaced.version + 1,
      }
      await docs.put(COLLECTIONS.parcels, superseded)
      summaries = withParcelSummary(summaries, summariseParcel(superseded))
    }
    // The shipping-upload outbox mark goes with the parcel change that causes it.
    await docs.put(COLLECTIONS.orders, { ...orderWithParcels(order, summaries, now), shippingSync: pendingSync(order.shippingSync, now) })
    return { ok: true, parcel, revived: current !== null }
  }, TRANSACTION_RETRIES)
}

const ok = (parcel: ParcelDoc, outcome: 'created' | 'unchanged' | 'replaced'): BackfillEntryResult => ({
  ok: true,
  parcelId: parcel._id,
  carrier: parcel.carrier,
  trackingNo: parcel.trackingNo,
  outcome,
  subscription: parcel.subscription.state,
})

const onOtherOrder = (trackingNo: string, otherOrderId: string): EntryFailure => ({
  ok: false,
  reason: 'number_on_other_order',
  message: `${trackingNo} is already on order ${otherOrderId}`,
  otherOrderId,
})

async function backfillEntry(deps: BackfillDeps, entry: BackfillEntry): Promise<{ result: BackfillEntryResult; created?: ParcelDoc }> {
  const orders = orderRepository(deps.db)
  const parcels = parcelRepository(deps.db)
  const order = await orders.get(entry.orderId)
  if (!order) return { result: failure('order_not_found', `no order ${entry.orderId}`) }
  const resolved = resolveTrackingNumber(entry, order.address)
  if (!resolved.ok) return { result: resolved }
  const parcelId = parcelIdOf(resolved.carrier, resolved.trackingNo)

  const elsewhere = (await parcels.activeWithNumbers([resolved.trackingNo])).find((parcel) => parcel.orderId !== order._id)
  if (elsewhere) return { result: onOtherOrder(resolved.trackingNo, elsewhere.orderId) }
  const existing = await parcels.get(parcelId)
  if (existing && existing.orderId !== order._id) return { result: onOtherOrder(resolved.trackingNo, existing.orderId) }
  const replaces = entry.replaces && entry.replaces !== parcelId ? entry.replaces : null
  if (existing && existing.supersededBy === null) {
    const replacedAlready = replaces === null || (await parcels.get(replaces))?.supersededBy === parcelId
    if (replacedAlready) return { result: ok(existing, 'unchanged') }
  }

  const others = order.parcels.filter((summary) => summary.parcelId !== parcelId && summary.parcelId !== replaces)
  const allocation = allocateItems(order.items, others, entry.items)
  if (!allocation.ok) return { result: failure(allocation.reason, allocation.message) }

  const written = await writeParcel(deps, {
    orderId: order._id,
    parcelId,
    carrier: resolved.carrier,
    trackingNo: resolved.trackingNo,
    phoneTail: resolved.phoneTail,
    items: allocation.items,
    replaces,
  })
  if (written.ok) return { result: ok(written.parcel, replaces ? 'replaced' : 'created'), created: written.parcel }
  if ('race' in written) {
    // Another call wrote this number between our reads and the transaction.
    if (written.race === 'other_order') return { result: onOtherOrder(resolved.trackingNo, written.otherOrderId ?? '') }
    const now = await parcels.get(parcelId)
    return { result: now ? ok(now, 'unchanged') : failure('storage_failed', 'the parcel changed while it was written; try again') }
  }
  return { result: written }
}

/** Entries written at once; conflicts on a shared order document are retried by its transaction. */
export const BACKFILL_CONCURRENCY = 8

async function backfillOne(deps: BackfillDeps, raw: unknown): Promise<{ result: BackfillEntryResult; created?: ParcelDoc }> {
  const parsed = backfillEntrySchema.safeParse(raw)
  if (!parsed.success) return { result: failure('invalid_entry', describeIssues(parsed.error.issues)) }
  try {
    return await backfillEntry(deps, parsed.data)
  } catch (error) {
    // A storage error fails this entry only; its transaction wrote nothing.
    return { result: failure('storage_failed', `storage error: ${(error as Error).message ?? String(error)}`) }
  }
}

export async function backfillTracking(deps: BackfillDeps, entries: readonly unknown[]): Promise<BackfillTrackingResult> {
  const outcomes = await mapWithConcurrency(entries, BACKFILL_CONCURRENCY, (raw) => backfillOne(deps, raw))
  const results = outcomes.map((outcome) => outcome.result)
  const created = outcomes.flatMap((outcome) => (outcome.created ? [outcome.created] : []))
  const inline = created.slice(0, inlineSubscribeCount(deps.limits.subscribeInlineBudgetMs, deps.limits.vendorQps))
  if (inline.length > 0) {
    const { states } = await subscribeParcels(deps, inline)
    for (const result of results) {
      const state = result.ok ? states.get(result.parcelId) : undefined
      if (result.ok && state) result.subscription = state
    }
  }
  // One WeChat shipping upload per order per call, covering all of this call's entries for it.
  const changedOrders = outcomes.flatMap((outcome) => (outcome.created ? [outcome.created.orderId] : []))
  if (changedOrders.length > 0) {
    try {
      await requestShippingSync(deps, changedOrders)
    } catch (error) {
      // The pending marks are written; the notifyWechat timer retries what this attempt could not do.
      console.error(`[backfillTracking] shipping upload left to the timer: ${(error as Error).message ?? String(error)}`)
    }
  }
  return { ok: true, results }
}
