// What a database action reads and writes through: the store directly, or an open transaction.
// Transactions are optimistic (reference/cloud-emulation.md §4.4): the first touch of each document
// records its version, writes are buffered (reads inside the transaction see them), and commit
// re-checks every recorded version, answering DATABASE_TRANSACTION_CONFLICT if any moved — the code
// runTransaction retries on. When real CloudBase reports conflicts (write time or commit) is UNVERIFIED.
import { fail, ok, type CloudResult } from './errors'
import type { Doc } from './ejson'
import { idKey, type DocChange, type DocId, type Store } from './store'

export interface DbView {
  readonly inTransaction: boolean
  exists(collection: string): boolean
  get(collection: string, id: DocId): Doc | undefined
  /** Every document of the collection; transactions allow single-document operations only. */
  scan(collection: string): Doc[]
  write(changes: DocChange[]): CloudResult<void>
}

export function storeView(store: Store, env: string): DbView {
  return {
    inTransaction: false,
    exists: (collection) => store.hasCollection(env, collection),
    get: (collection, id) => store.get(env, collection, id),
    scan: (collection) => store.scan(env, collection),
    write: (changes) => store.commit(env, changes),
  }
}

interface Transaction {
  env: string
  /** What the transaction read, by document key: the version it saw. */
  versions: Map<string, { collection: string; id: DocId; version: number }>
  writes: Map<string, DocChange>
}

/** Open transactions beyond this are abandoned ones (their functions died); the oldest go first. */
const MAX_OPEN_TRANSACTIONS = 1000

export class Transactions {
  private readonly open = new Map<string, Transaction>()
  private counter = 0

  constructor(private readonly store: Store) {}

  start(env: string): string {
    this.counter += 1
    const id = `devcloud-tx-${this.counter}`
    this.open.set(id, { env, versions: new Map(), writes: new Map() })
    while (this.open.size > MAX_OPEN_TRANSACTIONS) this.open.delete(this.open.keys().next().value as string)
    return id
  }

  view(env: string, transactionId: string): CloudResult<DbView> {
    const transaction = this.find(env, transactionId)
    if (!transaction.ok) return transaction
    const tx = transaction.value
    const touch = (collection: string, id: DocId) => {
      const key = `${collection}\u0000${idKey(id)}`
      if (!tx.versions.has(key)) tx.versions.set(key, { collection, id, version: this.store.version(env, collection, id) })
      return key
    }
    return ok({
      inTransaction: true,
      exists: (collection) => this.store.hasCollection(env, collection),
      get: (collection, id) => {
        const key = touch(collection, id)
        const pending = tx.writes.get(key)
        return pending ? pending.after : this.store.get(env, collection, id)
      },
      scan: () => [],
      write: (changes) => {
        for (const change of changes) {
          const key = touch(change.collection, change.id)
          const earlier = tx.writes.get(key)
          // An insert later updated inside the same transaction is still an insert when committed.
          const kind = earlier?.kind === 'insert' && change.after ? 'insert' : change.kind
          tx.writes.set(key, { ...change, kind })
        }
        return ok(undefined)
      },
    })
  }

  commit(env: string, transactionId: string): CloudResult<void> {
    const transaction = this.find(env, transactionId)
    if (!transaction.ok) return transaction
    const tx = transaction.value
    this.open.delete(transactionId)
    for (const { collection, id, version } of tx.versions.values()) {
      if (this.store.version(env, collection, id) !== version) {
        return fail('DATABASE_TRANSACTION_CONFLICT', `transaction conflict: ${collection}/${id} changed after the transaction read it`)
      }
    }
    const changes = [...tx.writes.values()].map((change) => {
      const before = this.store.get(env, change.collection, change.id)
      const kind = !change.after ? 'remove' : !before ? 'insert' : change.kind === 'insert' ? 'replace' : change.kind
      return { ...change, before, kind } satisfies DocChange
    })
    return this.store.commit(
      env,
      changes.filter((change) => change.before !== undefined || change.after !== undefined),
    )
  }

  abort(env: string, transactionId: string): CloudResult<void> {
    const transaction = this.find(env, transactionId)
    if (!transaction.ok) return transaction
    this.open.delete(transactionId)
    return ok(undefined)
  }

  clear(): void {
    this.open.clear()
  }

  private find(env: string, transactionId: string): CloudResult<Transaction> {
    const tx = this.open.get(transactionId)
    if (!tx || tx.env !== env)
      return fail('DATABASE_REQUEST_FAILED', `transaction ${transactionId} is not open (committed, aborted or unknown)`)
    return ok(tx)
  }
}
