// Which templates the order page asks for in one wx.requestSubscribeMessage (≤ 3, wechat.md §4): the
// events still ahead of the order, minus those the shopper told WeChat to always refuse
// (getSetting withSubscriptions "总是保持以上选择"); nothing at all when the master switch is off.
import type { OrderStatus } from '../api/documents'
import type { ConsentTemplate } from './consent'
import type { NotifyEvent } from './notifyEvents'

/** What wx.getSetting({withSubscriptions: true}) gives as `subscriptionsSetting`. */
/** WeChat's documented ceiling is 5 per request; older revisions and the community say 3 (wechat.md §4). */
export const MAX_TEMPLATES_PER_REQUEST = 3

export interface SubscriptionsSetting {
  mainSwitch?: boolean
  itemSettings?: Record<string, string>
}

export type ConsentPlan = { kind: 'ask'; templateIds: string[] } | { kind: 'switched_off' } | { kind: 'nothing_to_ask' }

const AHEAD: Record<OrderStatus, readonly NotifyEvent[]> = {
  PAID: ['shipped', 'out_for_delivery', 'delivered'],
  PARTIALLY_SHIPPED: ['out_for_delivery', 'delivered', 'exception'],
  SHIPPED: ['out_for_delivery', 'delivered', 'exception'],
  DELIVERED: [],
}

export function consentPlan(
  templates: readonly ConsentTemplate[],
  status: OrderStatus,
  setting: SubscriptionsSetting | undefined,
): ConsentPlan {
  if (setting?.mainSwitch === false) return { kind: 'switched_off' }
  const refused = (templateId: string) => ['reject', 'ban'].includes(setting?.itemSettings?.[templateId] ?? '')
  const templateIds = AHEAD[status]
    .flatMap((event) => templates.filter((template) => template.event === event).map((template) => template.templateId))
    .filter((templateId) => !refused(templateId))
    .slice(0, MAX_TEMPLATES_PER_REQUEST)
  return templateIds.length > 0 ? { kind: 'ask', templateIds } : { kind: 'nothing_to_ask' }
}
