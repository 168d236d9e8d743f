// `pushInbox` (DESIGN §3.3): every verified push, keyed by sha256(vendor + raw body), recorded before
// it is applied and acknowledged; a row left `received` by a storage failure is re-driven by the poll.
import type { PushInboxDoc, PushOutcome } from '../../core/api'
import { COLLECTIONS, withoutId, type Database } from '../platform/database'

export function pushInboxRepository(db: Database) {
  const inbox = () => db.collection(COLLECTIONS.pushInbox)
  const _ = db.command
  return {
    async get(id: string): Promise<PushInboxDoc | null> {
      return (await inbox().doc(id).get()).data as PushInboxDoc | null
    },
    async put(row: PushInboxDoc): Promise<void> {
      await inbox().doc(row._id).set({ data: withoutId(row) })
    },
    async settle(id: string, outcome: PushOutcome, parcelIds: string[], lastError: string | null): Promise<void> {
      await inbox().doc(id).update({ data: { outcome, parcelIds: _.set(parcelIds), lastError } })
    },
    async unapplied(receivedBefore: number, limit: number): Promise<PushInboxDoc[]> {
      return (await inbox().where({ outcome: 'received', receivedAt: _.lte(receivedBefore) }).orderBy('receivedAt', 'asc').limit(limit).get()).data as unknown as PushInboxDoc[]
    },
  }
}

export type PushInboxRepository = ReturnType<typeof pushInboxRepository>
