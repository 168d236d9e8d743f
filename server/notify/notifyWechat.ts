// notifyWechat (timer): the two WeChat outboxes — subscribe messages, then shipping uploads and
// confirm-receipt reminders — each bounded per run; what fails for a system reason waits its backoff.
import { drainShippingSync, type ShippingDeps } from '../shipping/shippingSync'
import { drainNotifications, type NotifyDeps } from './sendNotifications'

/** Records per outbox per run: a minute's timer with 60 s of budget at a few hundred ms per call. */
export const NOTIFY_BATCH_LIMIT = 100

export interface NotifyWechatReport {
  ok: true
  notifications: { queued: number; sent: number; retrying: number }
  shipping: { uploads: number; reminders: number }
}

export async function notifyWechat(deps: NotifyDeps & ShippingDeps): Promise<NotifyWechatReport> {
  const notifications = await drainNotifications(deps, NOTIFY_BATCH_LIMIT)
  const shipping = await drainShippingSync(deps, NOTIFY_BATCH_LIMIT)
  return { ok: true, notifications, shipping }
}
