// notificationConsent: the templates a page may ask for, and the shopper's answers to
// wx.requestSubscribeMessage recorded as one-time credits (each accept = one message, wechat.md §4).
// Only the order's owner records consent on it; another shopper's order reads as not found.
import { failure, type OrderDoc } from '../../core/api'
import type { NotificationConsentInput, RecordConsentResult, TemplatesResult } from '../../core/notify'
import type { Clock } from '../platform/clock'
import { COLLECTIONS, type Database } from '../platform/database'
import type { NotifyConfig } from './notifyConfig'
import { notificationStore } from './notificationStore'

export interface ConsentDeps {
  db: Database
  now: Clock
  config: NotifyConfig
}

export async function notificationConsent(
  deps: ConsentDeps,
  openid: string,
  input: NotificationConsentInput,
): Promise<TemplatesResult | RecordConsentResult> {
  if (input.action === 'templates') {
    return { ok: true, templates: deps.config.templates.map(({ templateId, event, title }) => ({ templateId, event, title })) }
  }
  const order = (await deps.db.collection(COLLECTIONS.orders).doc(input.orderId).get()).data as OrderDoc | null
  if (!order || order._openid !== openid) return failure('order_not_found', `no order ${input.orderId}`)
  const known = new Set(deps.config.templates.map((template) => template.templateId))
  const unknown = Object.keys(input.results).filter((templateId) => !known.has(templateId))
  if (unknown.length > 0) return failure('unknown_template', `not a template of this mini-program: ${unknown.join(', ')}`)
  const store = notificationStore(deps.db)
  const now = deps.now()
  const credits = []
  for (const [templateId, result] of Object.entries(input.results)) {
    // 'ban' (the shopper switched this template off) makes any credit worthless; reject/filter grant nothing.
    const remaining =
      result === 'accept'
        ? await store.addCredit(openid, templateId, 1, now)
        : result === 'ban'
          ? await store.addCredit(openid, templateId, -Infinity, now)
          : await store.credit(openid, templateId)
    credits.push({ templateId, remaining })
  }
  return { ok: true, credits }
}
