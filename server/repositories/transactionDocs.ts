// Whole-document reads and writes inside a transaction (single-document operations only,
// reference/wechat.md §2.2). `put` replaces the document, so a realtime watcher gets the full record.
import { withoutId, type DbTransaction } from '../platform/database'

export interface TransactionDocs {
  get<T>(collection: string, id: string): Promise<T | null>
  put<T extends { _id: string }>(collection: string, doc: T): Promise<void>
}

export function transactionDocs(tx: DbTransaction): TransactionDocs {
  return {
    async get<T>(collection: string, id: string) {
      return (await tx.collection(collection).doc(id).get()).data as T | null
    },
    async put<T extends { _id: string }>(collection: string, doc: T) {
      await tx
        .collection(collection)
        .doc(doc._id)
        .set({ data: withoutId(doc) })
    },
  }
}
