// A template's `data` from the facts of one parcel move. Which keyword carries which fact is per
// template and lives in config (SUBSCRIBE_TEMPLATES), because keyword names are assigned by WeChat per
// template (maps-eta-notify-mcp.md §4.2); the value is built for the keyword's kind and cut to its limit.
import { maskPhones } from '../privacy'
import { statusLabel, type UnifiedStatus } from '../tracking'
import { beijingTime, keywordKind, keywordValue } from './keywordValues'
import type { NotifyEvent } from './notifyEvents'

export const MESSAGE_FIELDS = [
  'orderId',
  'trackingNo',
  'carrier',
  'status',
  'time',
  'note',
  'pickupCode',
  'items',
  'receiverPhone',
] as const
export type MessageField = (typeof MESSAGE_FIELDS)[number]

export interface NotifyTemplate {
  event: NotifyEvent
  templateId: string
  /** The template's title as the shopper sees it in the consent dialog (订单发货通知…). */
  title: string
  /** keyword (`thing2`) → the fact it shows. */
  keywords: Record<string, MessageField>
}

export interface MessageFacts {
  orderId: string
  trackingNo: string
  carrierName: string
  status: UnifiedStatus
  /** When the move happened (the newest scan), epoch ms. */
  at: number
  /** The newest scan's text, or null. */
  note: string | null
  pickupCode: string | null
  /** What travels, e.g. 帆布托特包×1、马克杯×2. */
  items: string
  /** Already masked (138****5678). */
  receiverPhone: string
}

export type MessageData = { ok: true; data: Record<string, { value: string }> } | { ok: false; reason: string }

function rawValue(field: MessageField, facts: MessageFacts, kind: ReturnType<typeof keywordKind>): string {
  switch (field) {
    case 'orderId':
      return facts.orderId
    case 'trackingNo':
      return facts.trackingNo
    case 'carrier':
      return facts.carrierName
    case 'status':
      return statusLabel(facts.status)
    case 'time':
      return beijingTime(facts.at, kind === 'date' ? 'date' : 'time')
    // Courier text may carry a clear phone; a message must not.
    case 'note':
      return maskPhones(facts.note ?? statusLabel(facts.status))
    case 'pickupCode':
      return facts.pickupCode ?? '见快递短信'
    case 'items':
      return facts.items
    case 'receiverPhone':
      return maskPhones(facts.receiverPhone)
  }
}

export function buildMessageData(template: NotifyTemplate, facts: MessageFacts): MessageData {
  const data: Record<string, { value: string }> = {}
  for (const [key, field] of Object.entries(template.keywords)) {
    const kind = keywordKind(key)
    if (!kind) return { ok: false, reason: `template ${template.templateId}: keyword ${key} has no known kind` }
    const value = keywordValue(kind, rawValue(field, facts, kind))
    if (!value.ok) return { ok: false, reason: `template ${template.templateId}: ${key} (${field}): ${value.reason}` }
    data[key] = { value: value.value }
  }
  return { ok: true, data }
}

/** The page a message opens (DESIGN §5): the order's tracking page. */
export const orderPage = (orderId: string) => `pages/order/detail?id=${orderId}`
