// WeChat 发货信息 for paid orders, through an outbox on the order (`shippingSync`): backfill marks each
// order it touched pending once per call and tries at once; what fails for a system reason is retried
// by the notifyWechat timer with backoff. WeChat takes one upload and one update per payment, so a
// third change is refused here with the reason the merchant sees, never sent.
import type { OrderDoc, ParcelDoc, ShippingSync } from '../../core/api'
import { retryDelayMs } from '../outbox/subscriptionSchedule'
import type { Clock } from '../platform/clock'
import { COLLECTIONS, type Database } from '../platform/database'
import { failureKind, WECHAT_APIS, type WechatOpenApi } from '../platform/wechatOpenApi'
import { shippingPayload, type ShippingParcel } from './shippingPayload'

export interface ShippingDeps {
  db: Database
  now: Clock
  openApi: WechatOpenApi
}

/** An attempt whose outcome was never written (the function died) is due again after this. */
export const SHIPPING_LEASE_MS = 2 * 60_000
/** Backfill marks an order pending this far ahead, so the timer leaves it to backfill's own attempt. */
export const INLINE_GRACE_MS = 60_000
/** The first upload and one update (maps-eta-notify-mcp.md §5: "update once per payment"). */
export const MAX_UPLOADS = 2

export const UPDATE_LIMIT_REASON = '微信只允许每笔支付修改一次发货信息，这次改动未同步：请在微信公众平台「发货信息管理」中手工修改'

export const emptySync = (): ShippingSync => ({
  state: 'unsynced',
  uploads: 0,
  attempts: 0,
  nextAttemptAt: null,
  lastError: null,
  syncedAt: null,
  uploadedParcels: [],
  confirmReminder: 'none',
})

const syncOf = (order: OrderDoc): ShippingSync => ({ ...emptySync(), ...order.shippingSync })
const orders = (deps: ShippingDeps) => deps.db.collection(COLLECTIONS.orders)

/** The order's sync once backfill changed its parcels: written in backfill's own transaction with the
 * parcel, so the outbox record exists exactly when the change does. */
export function pendingSync(current: ShippingSync | undefined, now: number): ShippingSync {
  return { ...emptySync(), ...current, state: 'pending', attempts: 0, nextAttemptAt: now + INLINE_GRACE_MS, lastError: null }
}

/** Writes an attempt's outcome only while this attempt still holds the order (its lease): a backfill
 * that marked the order pending again meanwhile keeps its mark and is uploaded next. */
async function writeSync(deps: ShippingDeps, orderId: string, lease: number, sync: ShippingSync): Promise<boolean> {
  const written = await orders(deps)
    .where({ _id: orderId, 'shippingSync.nextAttemptAt': lease })
    .update({ data: { shippingSync: deps.db.command.set(sync) } })
  return written.stats.updated === 1
}

/** Backfill's inline attempt, once per order per call, after all its entries are written. */
export async function requestShippingSync(deps: ShippingDeps, orderIds: readonly string[]): Promise<void> {
  for (const orderId of new Set(orderIds)) await syncOrderShipping(deps, orderId, { inline: true })
}

/** The merchant's 重试: a failed or never-synced order is tried again now. */
export async function retryShippingSync(deps: ShippingDeps, orderId: string): Promise<ShippingSync | null> {
  const order = (await orders(deps).doc(orderId).get()).data as OrderDoc | null
  if (!order) return null
  const sync = syncOf(order)
  if (sync.state === 'failed' || sync.state === 'unsynced') {
    await orders(deps)
      .doc(orderId)
      .update({ data: { shippingSync: deps.db.command.set(pendingSync(sync, deps.now())) } })
    await requestShippingSync(deps, [orderId])
  }
  const after = (await orders(deps).doc(orderId).get()).data as OrderDoc | null
  return after ? syncOf(after) : null
}

const sameParcels = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, index) => id === b[index])

/** One attempt for a pending, due order; the outcome is written on the order. */
export async function syncOrderShipping(
  deps: ShippingDeps,
  orderId: string,
  options: { inline?: boolean } = {},
): Promise<ShippingSync['state'] | 'not_due'> {
  const _ = deps.db.command
  const now = deps.now()
  const lease = now + SHIPPING_LEASE_MS
  const dueBy = options.inline ? now + INLINE_GRACE_MS : now
  const claimed = await orders(deps)
    .where({ _id: orderId, 'shippingSync.state': 'pending', 'shippingSync.nextAttemptAt': _.lte(dueBy) })
    .update({ data: { 'shippingSync.nextAttemptAt': lease } })
  if (claimed.stats.updated !== 1) return 'not_due'
  const order = (await orders(deps).doc(orderId).get()).data as OrderDoc | null
  if (!order) return 'not_due'
  const sync = syncOf(order)
  const active = (
    (await deps.db.collection(COLLECTIONS.parcels).where({ orderId, supersededBy: null }).get()).data as unknown as ParcelDoc[]
  ).map((parcel): ShippingParcel => ({
    parcelId: parcel._id,
    seq: parcel.seq,
    carrier: parcel.carrier,
    trackingNo: parcel.trackingNo,
    items: parcel.items,
  }))
  const ids = active.map((parcel) => parcel.parcelId).sort()
  const done = (next: Partial<ShippingSync>) => writeSync(deps, orderId, lease, { ...sync, ...next })

  if (ids.length === 0 || (sync.uploads > 0 && sameParcels(ids, sync.uploadedParcels))) {
    await done({ state: sync.uploads > 0 ? 'synced' : 'unsynced', nextAttemptAt: null, attempts: 0 })
    return sync.uploads > 0 ? 'synced' : 'unsynced'
  }
  if (sync.uploads >= MAX_UPLOADS) {
    await done({ state: 'failed', nextAttemptAt: null, lastError: UPDATE_LIMIT_REASON })
    return 'failed'
  }
  const answer = await deps.openApi.call(WECHAT_APIS.uploadShippingInfo, shippingPayload(order, active, now))
  if (answer.ok) {
    const recorded = await done({
      state: 'synced',
      uploads: sync.uploads + 1,
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
      syncedAt: now,
      uploadedParcels: ids,
    })
    // Re-marked meanwhile: the mark stays for the next attempt, but WeChat did count this upload.
    if (!recorded)
      await orders(deps)
        .doc(orderId)
        .update({ data: { 'shippingSync.uploads': _.inc(1) } })
    return 'synced'
  }
  const reason = `微信返回 ${answer.errcode}：${answer.message}`
  if (failureKind(answer.errcode) === 'system') {
    const attempts = sync.attempts + 1
    await done({ state: 'pending', attempts, nextAttemptAt: now + retryDelayMs(attempts), lastError: reason })
    return 'pending'
  }
  await done({ state: 'failed', attempts: sync.attempts + 1, nextAttemptAt: null, lastError: reason })
  return 'failed'
}

/** 确认收货提醒 once per order, when every parcel is delivered and WeChat has the shipping info. */
export async function remindConfirmReceive(deps: ShippingDeps, order: OrderDoc): Promise<'sent' | 'skipped' | 'retry' | 'failed'> {
  const sync = syncOf(order)
  if (order.status !== 'DELIVERED' || sync.state !== 'synced' || sync.confirmReminder !== 'none') return 'skipped'
  const claimed = await orders(deps)
    .where({ _id: order._id, 'shippingSync.confirmReminder': 'none' })
    .update({ data: { 'shippingSync.confirmReminder': 'sent' } })
  if (claimed.stats.updated !== 1) return 'skipped'
  // WeChat wants received_time (s) after the shipping time; a late backfill can be newer than the scan.
  const receivedAt = Math.max(order.deliveredAt ?? deps.now(), (sync.syncedAt ?? 0) + 1000)
  const answer = await deps.openApi.call(WECHAT_APIS.notifyConfirmReceive, {
    transaction_id: order.payment.transactionId,
    received_time: Math.floor(receivedAt / 1000),
  })
  if (answer.ok) return 'sent'
  const retry = failureKind(answer.errcode) === 'system'
  await orders(deps)
    .doc(order._id)
    .update({
      data: {
        'shippingSync.confirmReminder': retry ? 'none' : 'failed',
        ...(retry ? {} : { 'shippingSync.lastError': `确认收货提醒：微信返回 ${answer.errcode}：${answer.message}` }),
      },
    })
  return retry ? 'retry' : 'failed'
}

/** The timer's share: due uploads, then due reminders. */
export async function drainShippingSync(deps: ShippingDeps, limit: number): Promise<{ uploads: number; reminders: number }> {
  const _ = deps.db.command
  const due = (
    await orders(deps)
      .where({ 'shippingSync.state': 'pending', 'shippingSync.nextAttemptAt': _.lte(deps.now()) })
      .limit(limit)
      .get()
  ).data as unknown as OrderDoc[]
  let uploads = 0
  for (const order of due) if ((await syncOrderShipping(deps, order._id)) === 'synced') uploads += 1
  const delivered = (
    await orders(deps)
      .where({ status: 'DELIVERED', 'shippingSync.state': 'synced', 'shippingSync.confirmReminder': 'none' })
      .limit(limit)
      .get()
  ).data as unknown as OrderDoc[]
  let reminders = 0
  for (const order of delivered) if ((await remindConfirmReceive(deps, order)) === 'sent') reminders += 1
  return { uploads, reminders }
}
