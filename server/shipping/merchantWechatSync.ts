// merchantConsole's WeChat sync view: orders with their 发货信息 state, newest first, one page; the
// subscribe messages WeChat refused for their content (data errors) beside them; 重试 for one order.
import {
  failure,
  type Failure,
  type MerchantConsoleInput,
  type OrderDoc,
  type RetryShippingSyncResult,
  type WechatSyncListResult,
} from '../../core/api'
import { notificationStore } from '../notify/notificationStore'
import { COLLECTIONS } from '../platform/database'
import { retryShippingSync, type ShippingDeps } from './shippingSync'

type SyncInput = Extract<MerchantConsoleInput, { action: 'wechatSync' | 'retryShippingSync' }>

export async function merchantWechatSync(
  deps: ShippingDeps,
  input: SyncInput,
): Promise<WechatSyncListResult | RetryShippingSyncResult | Failure<'not_found'>> {
  if (input.action === 'retryShippingSync') {
    const sync = await retryShippingSync(deps, input.orderId)
    return sync ? { ok: true, shippingSync: sync } : failure('not_found', 'no such order')
  }
  const _ = deps.db.command
  const shipped = { status: _.in(['PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED']) }
  const condition = input.before === undefined ? shipped : { ...shipped, createdAt: _.lt(input.before) }
  const page = (
    await deps.db
      .collection(COLLECTIONS.orders)
      .where(condition)
      .orderBy('createdAt', 'desc')
      .limit(input.limit + 1)
      .get()
  ).data as unknown as OrderDoc[]
  const shown = page.slice(0, input.limit)
  const failed = (await notificationStore(deps.db).ofOrders(shown.map((order) => order._id))).filter((doc) => doc.state === 'failed')
  return {
    ok: true,
    rows: shown.map((order) => ({
      order,
      sync: order.shippingSync ?? null,
      failedNotifications: failed
        .filter((doc) => doc.orderId === order._id)
        .map((doc) => ({ parcelId: doc.parcelId, event: doc.event, lastError: doc.lastError })),
    })),
    nextBefore: page.length > input.limit ? (shown.at(-1)?.createdAt ?? null) : null,
  }
}
