// merchantConsole's WeChat sync actions (issue 15): each order's 发货信息 state (未同步 / 已同步 / 失败
// with the reason), the subscribe messages WeChat refused for their content, and 重试.
import * as z from '../validation/zod'
import type { NotifyEvent } from '../notify/notifyEvents'
import type { OrderDoc, ShippingSync, ShippingSyncState } from './documents'
import { docIdSchema, pageSchema } from './fields'

export const wechatSyncActions = [
  z.extend(pageSchema, { action: z.literal('wechatSync') }),
  z.object({ action: z.literal('retryShippingSync'), orderId: docIdSchema }),
] as const

export interface FailedNotification {
  parcelId: string
  event: NotifyEvent
  lastError: string | null
}

export interface WechatSyncRow {
  order: OrderDoc
  sync: ShippingSync | null
  failedNotifications: FailedNotification[]
}

export type WechatSyncListResult = { ok: true; rows: WechatSyncRow[]; nextBefore: number | null }
export type RetryShippingSyncResult = { ok: true; shippingSync: ShippingSync }

/** What the merchant reads in the sync column. */
export const SYNC_STATE_LABELS: Record<ShippingSyncState, string> = {
  unsynced: '未同步',
  pending: '同步中',
  synced: '已同步',
  failed: '失败',
}
