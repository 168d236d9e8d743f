// The `notifications` outbox (key `<parcelId>:<event>`) and the `notifyCredits` one-time consent
// credits (key `<openid>:<templateId>`), both functions-only (DESIGN §4). Creating a notification is
// create-if-absent in a transaction, so however often a parcel's move is seen, one record exists.
import type { NotifyEvent } from '../../core/notify'
import { COLLECTIONS, TRANSACTION_RETRIES, withoutId, type Database } from '../platform/database'

export const NOTIFICATION_STATES = ['queued', 'sending', 'sent', 'no_credit', 'refused', 'failed'] as const
export type NotificationState = (typeof NOTIFICATION_STATES)[number]

export interface NotificationDoc {
  _id: string
  parcelId: string
  orderId: string
  openid: string
  event: NotifyEvent
  templateId: string
  state: NotificationState
  /** A consent credit is taken for this message (kept across retries, given back on a data error). */
  creditHeld: boolean
  attempts: number
  nextAttemptAt: number | null
  lastError: string | null
  /** When the move happened (the parcel's merge), epoch ms. */
  derivedAt: number
  createdAt: number
  sentAt: number | null
  msgid: number | null
}

export interface NotifyCreditDoc {
  _id: string
  openid: string
  templateId: string
  remaining: number
  updatedAt: number
}

export const notificationId = (parcelId: string, event: NotifyEvent) => `${parcelId}:${event}`
export const creditId = (openid: string, templateId: string) => `${openid}:${templateId}`

export function notificationStore(db: Database) {
  const notifications = () => db.collection(COLLECTIONS.notifications)
  const credits = () => db.collection(COLLECTIONS.notifyCredits)
  const _ = db.command
  return {
    async get(id: string): Promise<NotificationDoc | null> {
      return (await notifications().doc(id).get()).data as NotificationDoc | null
    },

    /** true when this call created it; false when it already existed. */
    async createIfAbsent(doc: NotificationDoc): Promise<boolean> {
      return db.runTransaction(async (tx) => {
        const ref = tx.collection(COLLECTIONS.notifications).doc(doc._id)
        if ((await ref.get()).data) return false
        await ref.set({ data: withoutId(doc) })
        return true
      }, TRANSACTION_RETRIES)
    },

    async due(now: number, limit: number): Promise<NotificationDoc[]> {
      return (
        await notifications()
          .where({ state: _.in(['queued', 'sending']), nextAttemptAt: _.lte(now) })
          .orderBy('nextAttemptAt', 'asc')
          .limit(limit)
          .get()
      ).data as unknown as NotificationDoc[]
    },

    /** Takes a due notification for one attempt; the lease makes it due again if the outcome is lost. */
    async claim(id: string, now: number, leaseUntil: number): Promise<boolean> {
      const claimed = await notifications()
        .where({ _id: id, state: _.in(['queued', 'sending']), nextAttemptAt: _.lte(now) })
        .update({ data: { state: 'sending', nextAttemptAt: leaseUntil } })
      return claimed.stats.updated === 1
    },

    async update(id: string, fields: Partial<Omit<NotificationDoc, '_id'>>): Promise<void> {
      await notifications().doc(id).update({ data: fields })
    },

    async ofOrders(orderIds: string[]): Promise<NotificationDoc[]> {
      if (orderIds.length === 0) return []
      return (
        await notifications()
          .where({ orderId: _.in(orderIds) })
          .limit(1000)
          .get()
      ).data as unknown as NotificationDoc[]
    },

    async credit(openid: string, templateId: string): Promise<number> {
      const doc = (await credits().doc(creditId(openid, templateId)).get()).data as NotifyCreditDoc | null
      return doc?.remaining ?? 0
    },

    /** Adds `delta` (±) to a credit, never below zero; returns what remains. */
    async addCredit(openid: string, templateId: string, delta: number, now: number): Promise<number> {
      return db.runTransaction(async (tx) => {
        const ref = tx.collection(COLLECTIONS.notifyCredits).doc(creditId(openid, templateId))
        const current = (await ref.get()).data as NotifyCreditDoc | null
        const remaining = Math.max(0, (current?.remaining ?? 0) + delta)
        await ref.set({ data: { openid, templateId, remaining, updatedAt: now } })
        return remaining
      }, TRANSACTION_RETRIES)
    },

    /** Spends one credit if there is one. */
    async takeCredit(openid: string, templateId: string, now: number): Promise<boolean> {
      const taken = await credits()
        .where({ _id: creditId(openid, templateId), remaining: _.gt(0) })
        .update({ data: { remaining: _.inc(-1), updatedAt: now } })
      return taken.stats.updated === 1
    },

    /** 43101: WeChat says the shopper has no consent left; ours is cleared to match. */
    async clearCredit(openid: string, templateId: string, now: number): Promise<void> {
      await credits()
        .where({ _id: creditId(openid, templateId) })
        .update({ data: { remaining: 0, updatedAt: now } })
    },
  }
}

export type NotificationStore = ReturnType<typeof notificationStore>
