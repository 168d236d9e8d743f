// The subscribe-message outbox. A parcel's merge derives events (core/notify) onto the parcel; here
// each becomes one `notifications/<parcelId>:<event>` record (create-if-absent: exactly one whatever
// the pushes' order or duplication) and is sent through subscribeMessage.send: no consent credit, no
// message; 43101 clears the credit and is final; a data error (our payload, a template) is final and
// shown to the merchant; a system error is retried with backoff by the notifyWechat timer.
import type { OrderDoc, ParcelDoc } from '../../core/api'
import { buildMessageData, NOTIFY_EVENTS, orderPage } from '../../core/notify'
import { retryDelayMs } from '../outbox/subscriptionSchedule'
import type { Clock } from '../platform/clock'
import { COLLECTIONS, type Database } from '../platform/database'
import { failureKind, WECHAT_APIS, type WechatOpenApi } from '../platform/wechatOpenApi'
import { messageFacts } from './messageFacts'
import { templateFor, type NotifyConfig } from './notifyConfig'
import { notificationId, notificationStore, type NotificationDoc, type NotificationState } from './notificationStore'

export interface NotifyDeps {
  db: Database
  now: Clock
  openApi: WechatOpenApi
  config: NotifyConfig
}

export const SEND_LEASE_MS = 2 * 60_000

const getDoc = async <T>(deps: NotifyDeps, collection: string, id: string) =>
  (await deps.db.collection(collection).doc(id).get()).data as T | null

/** The parcel's derived events as outbox records; returns the ids this call created. */
export async function queueParcelNotifications(deps: NotifyDeps, parcel: ParcelDoc): Promise<string[]> {
  const notify = parcel.notify
  if (!notify || notify.dueAt === null) return []
  const store = notificationStore(deps.db)
  const now = deps.now()
  const created: string[] = []
  if (parcel.supersededBy === null) {
    for (const event of NOTIFY_EVENTS) {
      const derivedAt = notify.derived[event]
      const template = templateFor(deps.config, event)
      if (derivedAt === undefined || !template) continue
      const doc: NotificationDoc = {
        _id: notificationId(parcel._id, event),
        parcelId: parcel._id,
        orderId: parcel.orderId,
        openid: parcel._openid,
        event,
        templateId: template.templateId,
        state: 'queued',
        creditHeld: false,
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        derivedAt,
        createdAt: now,
        sentAt: null,
        msgid: null,
      }
      if (await store.createIfAbsent(doc)) created.push(doc._id)
    }
  }
  // Only the dueAt this read saw: an event derived meanwhile set a new one and stays due.
  await deps.db
    .collection(COLLECTIONS.parcels)
    .where({ _id: parcel._id, 'notify.dueAt': notify.dueAt })
    .update({ data: { 'notify.dueAt': null } })
  return created
}

/** One attempt at one notification. */
export async function sendNotification(deps: NotifyDeps, id: string): Promise<NotificationState | 'not_due'> {
  const store = notificationStore(deps.db)
  const now = deps.now()
  if (!(await store.claim(id, now, now + SEND_LEASE_MS))) return 'not_due'
  const doc = await store.get(id)
  if (!doc) return 'not_due'
  const finish = async (state: NotificationState, fields: Partial<NotificationDoc> = {}) => {
    await store.update(id, { state, nextAttemptAt: null, ...fields })
    return state
  }
  if (!doc.creditHeld) {
    if (!(await store.takeCredit(doc.openid, doc.templateId, now))) return finish('no_credit')
    await store.update(id, { creditHeld: true })
  }
  // WeChat did not spend the shopper's consent on a message it refused for its content.
  const dataError = async (reason: string) => {
    await store.addCredit(doc.openid, doc.templateId, 1, now)
    return finish('failed', { creditHeld: false, attempts: doc.attempts + 1, lastError: reason })
  }
  const template = templateFor(deps.config, doc.event)
  const parcel = await getDoc<ParcelDoc>(deps, COLLECTIONS.parcels, doc.parcelId)
  const order = await getDoc<OrderDoc>(deps, COLLECTIONS.orders, doc.orderId)
  if (!template || template.templateId !== doc.templateId) return dataError(`模板 ${doc.templateId} 已不在 SUBSCRIBE_TEMPLATES 中`)
  if (!parcel || !order) return dataError('包裹或订单已不存在')
  const data = buildMessageData(template, messageFacts(parcel, order, doc.event, doc.derivedAt))
  if (!data.ok) return dataError(data.reason)

  const answer = await deps.openApi.call(WECHAT_APIS.subscribeSend, {
    touser: doc.openid,
    template_id: doc.templateId,
    page: orderPage(doc.orderId),
    data: data.data,
    miniprogram_state: deps.config.miniprogramState,
    lang: deps.config.lang,
  })
  if (answer.ok) {
    const msgid = typeof answer.answer.msgid === 'number' ? answer.answer.msgid : null
    return finish('sent', { sentAt: now, msgid, attempts: doc.attempts + 1, lastError: null })
  }
  const reason = `微信返回 ${answer.errcode}：${answer.message}`
  switch (failureKind(answer.errcode)) {
    case 'refused':
      await store.clearCredit(doc.openid, doc.templateId, now)
      return finish('refused', { creditHeld: false, attempts: doc.attempts + 1, lastError: reason })
    case 'data':
      return dataError(reason)
    case 'system': {
      const attempts = doc.attempts + 1
      await store.update(id, { state: 'queued', attempts, nextAttemptAt: now + retryDelayMs(attempts), lastError: reason })
      return 'queued'
    }
  }
}

/** Inline, right after a merge: queue what the parcels' merges derived and try each new one once. */
export async function notifyParcelsNow(deps: NotifyDeps, parcels: readonly ParcelDoc[]): Promise<number> {
  let sent = 0
  for (const parcel of parcels) {
    for (const id of await queueParcelNotifications(deps, parcel)) if ((await sendNotification(deps, id)) === 'sent') sent += 1
  }
  return sent
}

/** The timer's share: parcels whose merges left work, then every due notification. */
export async function drainNotifications(deps: NotifyDeps, limit: number): Promise<{ queued: number; sent: number; retrying: number }> {
  const _ = deps.db.command
  const now = deps.now()
  const waiting = (
    await deps.db
      .collection(COLLECTIONS.parcels)
      .where({ 'notify.dueAt': _.lte(now) })
      .limit(limit)
      .get()
  ).data as unknown as ParcelDoc[]
  let queued = 0
  for (const parcel of waiting) queued += (await queueParcelNotifications(deps, parcel)).length
  let sent = 0
  let retrying = 0
  for (const doc of await notificationStore(deps.db).due(now, limit)) {
    const state = await sendNotification(deps, doc._id)
    if (state === 'sent') sent += 1
    if (state === 'queued') retrying += 1
  }
  return { queued, sent, retrying }
}
