// DevCloud.db: direct reads and writes for tests and seeding — no rules, no fault knobs, but every
// write is journaled and fans out to watches like any other commit.
import { find } from 'mingo'
import { deepClone } from './clone'
import { newDocumentId } from './dbParams'
import { isPlainObject, type Doc } from './ejson'
import type { DocChange, DocId, Store } from './store'

export interface DevCloudDb {
  get(collection: string, id: DocId): Promise<Doc | null>
  /** `filter` is a Mongo-style query (plain values, not EJSON). */
  list(collection: string, filter?: Doc): Promise<Doc[]>
  /** Inserts or replaces by `_id` (generated when absent); fans out to watches; bypasses rules and faults. */
  put(collection: string, doc: Doc): Promise<void>
  count(collection: string, filter?: Doc): Promise<number>
  remove(collection: string, id: DocId): Promise<boolean>
  collections(): string[]
}

export function createDirectDb(store: Store, envId: string): DevCloudDb {
  const requireCollection = (collection: string) => {
    if (!store.hasCollection(envId, collection))
      throw new Error(`devcloud has no collection "${collection}" (add cloudbase/rules/${collection}.json)`)
  }
  const commit = (changes: DocChange[]) => {
    const written = store.commit(envId, changes, { bypassGuard: true })
    if (!written.ok) throw new Error(`devcloud write failed: ${written.message}`)
  }
  return {
    async get(collection, id) {
      requireCollection(collection)
      const doc = store.get(envId, collection, id)
      return doc ? deepClone(doc) : null
    },
    async list(collection, filter = {}) {
      requireCollection(collection)
      return (find(store.scan(envId, collection), filter).all() as Doc[]).map((doc) => deepClone(doc))
    },
    async put(collection, doc) {
      requireCollection(collection)
      if (!isPlainObject(doc)) throw new Error('db.put needs a plain object')
      const id = (doc._id ?? newDocumentId()) as DocId
      if (typeof id !== 'string' && typeof id !== 'number') throw new Error('_id must be a string or a number')
      const before = store.get(envId, collection, id)
      const { _id: _given, ...fields } = deepClone(doc)
      commit([{ collection, id, kind: before ? 'replace' : 'insert', before, after: { _id: id, ...fields } }])
    },
    async count(collection, filter = {}) {
      requireCollection(collection)
      return find(store.scan(envId, collection), filter).all().length
    },
    async remove(collection, id) {
      requireCollection(collection)
      const before = store.get(envId, collection, id)
      if (!before) return false
      commit([{ collection, id, kind: 'remove', before, after: undefined }])
      return true
    },
    collections: () => store.collectionNames(envId),
  }
}
