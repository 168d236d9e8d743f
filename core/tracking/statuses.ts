// The 13 unified statuses (DESIGN §4, aggregators.md §5). `rank` breaks ties between statuses
// claimed for the same instant; `terminal` means no further scans are expected, so the pipeline
// stops polling. EXPIRED is terminal but re-opens by itself: status is derived from the newest
// event, so a later scan outranks the expiry (see deriveStatus.ts).
import type { SubStatus } from './subStatuses'

export type Locale = 'zh-CN' | 'en'

export interface StatusInfo {
  rank: number
  terminal: boolean
  labels: Record<Locale, string>
  /** Sub-statuses that may accompany this status. */
  subStatuses: readonly SubStatus[]
}

export const STATUSES = {
  PENDING: { rank: 0, terminal: false, labels: { 'zh-CN': '暂无物流信息', en: 'Pending' }, subStatuses: ['NO_INFO'] },
  INFO_RECEIVED: { rank: 10, terminal: false, labels: { 'zh-CN': '已下单', en: 'Info received' }, subStatuses: [] },
  PICKED_UP: { rank: 20, terminal: false, labels: { 'zh-CN': '已揽收', en: 'Picked up' }, subStatuses: [] },
  IN_TRANSIT: {
    rank: 30,
    terminal: false,
    labels: { 'zh-CN': '运输中', en: 'In transit' },
    subStatuses: ['ARRIVED_DEST_CITY', 'AT_HUB', 'DEPARTED', 'CUSTOMS_PENDING', 'CUSTOMS_IN_PROGRESS', 'CUSTOMS_CLEARED', 'FORWARDED'],
  },
  OUT_FOR_DELIVERY: { rank: 40, terminal: false, labels: { 'zh-CN': '派送中', en: 'Out for delivery' }, subStatuses: [] },
  AWAITING_PICKUP: { rank: 45, terminal: false, labels: { 'zh-CN': '待取件', en: 'Awaiting pickup' }, subStatuses: ['LOCKER'] },
  DELIVERY_FAILED: {
    rank: 45,
    terminal: false,
    labels: { 'zh-CN': '派送失败', en: 'Delivery failed' },
    subStatuses: ['DELIVERY_EXCEPTION', 'UNREACHABLE', 'REDELIVERY'],
  },
  DELIVERED: {
    rank: 100,
    terminal: true,
    labels: { 'zh-CN': '已签收', en: 'Delivered' },
    subStatuses: ['SIGNED_SELF', 'SIGNED_PROXY', 'SIGNED_LOCKER', 'SIGNED_AFTER_EXCEPTION'],
  },
  EXCEPTION: {
    rank: 45,
    terminal: false,
    labels: { 'zh-CN': '异常', en: 'Exception' },
    subStatuses: [
      'NO_INFO',
      'TIMEOUT_UNSIGNED',
      'TIMEOUT_NO_UPDATE',
      'LOCKER_TIMEOUT',
      'REFUSED',
      'UNREACHABLE',
      'ADDRESS_PROBLEM',
      'OUT_OF_AREA',
      'HELD',
      'DAMAGED',
      'LOST',
      'DELAYED',
      'INTERCEPTED',
      'MISSORTED',
      'CUSTOMS_HOLD',
    ],
  },
  RETURNING: { rank: 50, terminal: false, labels: { 'zh-CN': '退回中', en: 'Returning to sender' }, subStatuses: ['REFUSED'] },
  RETURNED: { rank: 100, terminal: true, labels: { 'zh-CN': '已退回', en: 'Returned to sender' }, subStatuses: [] },
  CANCELLED: { rank: 100, terminal: true, labels: { 'zh-CN': '已取消', en: 'Cancelled' }, subStatuses: [] },
  EXPIRED: { rank: 90, terminal: true, labels: { 'zh-CN': '跟踪已停止', en: 'Tracking expired' }, subStatuses: [] },
} as const satisfies Record<string, StatusInfo>

export type UnifiedStatus = keyof typeof STATUSES

/** DESIGN §4 order. Among equal ranks the later status wins a tie (EXCEPTION over AWAITING_PICKUP):
 * a problem flagged for the same instant is the more useful thing to show. */
export const UNIFIED_STATUSES = Object.keys(STATUSES) as UnifiedStatus[]
