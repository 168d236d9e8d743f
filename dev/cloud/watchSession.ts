// One realtime watch on the server: which documents are in its result, and the events a commit
// produces for it, in the wire shape @cloudbase/database's realtime client parses
// (reference/cloud-emulation.md §5, reference/wechat.md §2.4). Every event carries the full `Doc`
// except remove/dequeue: the 1.4.3 CommonJS client crashes when it must patch a cached doc from
// `UpdatedFields` alone (its lodash `.default` bug), and sending the doc is also what a page needs.
import { Query, find } from 'mingo'
import type { Doc } from './ejson'
import { diffFields } from './fieldDiff'
import { idKey, type DocChange, type DocId } from './store'

export type DataType = 'init' | 'update' | 'replace' | 'add' | 'remove' | 'limit'
export type QueueType = 'init' | 'update' | 'enqueue' | 'dequeue'

export interface WatchEvent {
  ID: number
  DataType: DataType
  QueueType: QueueType
  DocID: DocId
  Doc?: string
  UpdatedFields?: string
  /** Lower-case on the wire: the 1.4.3 client parses only this spelling. */
  removedFields?: string
}

/** "At most 5000 records per watch" (reference/wechat.md §2.4). */
export const MAX_WATCH_RECORDS = 5000
/** Event groups kept for REBUILD_WATCH after a reconnect. */
const EVENT_LOG_SIZE = 1000

export interface WatchSpec {
  queryID: string
  env: string
  collection: string
  query: Doc
  order?: Record<string, 1 | -1>
  limit?: number
}

export type WatchUpdate = { kind: 'events'; events: WatchEvent[] } | { kind: 'overflow' }

export class WatchSession {
  private readonly matcher: Query
  /** The documents currently in the watch's result: key → original _id. */
  private members = new Map<string, DocId>()
  private log: WatchEvent[][] = []
  currEvent = 1

  constructor(readonly spec: WatchSpec) {
    this.matcher = new Query(spec.query)
  }

  /** The INIT_EVENT events (all with the init event id), or overflow past the 5000-record cap. */
  init(collectionDocs: Doc[]): WatchUpdate {
    const result = this.select(collectionDocs)
    if (result.length > MAX_WATCH_RECORDS) return { kind: 'overflow' }
    this.members = membersOf(result)
    return {
      kind: 'events',
      events: result.map((doc) => ({
        ID: this.currEvent,
        DataType: 'init',
        QueueType: 'init',
        DocID: doc._id as DocId,
        Doc: docJson(doc),
      })),
    }
  }

  /** Events for the changes of one commit (empty when none concern this watch). */
  apply(changes: DocChange[], collectionDocs: () => Doc[]): WatchUpdate {
    const relevant = changes.filter((change) => change.collection === this.spec.collection)
    if (relevant.length === 0) return { kind: 'events', events: [] }
    const before = this.members
    let after: Map<string, DocId>
    let limited: Doc[] | undefined
    if (this.spec.limit === undefined) {
      after = new Map(before)
      for (const change of relevant) {
        if (change.after && this.matcher.test(change.after)) after.set(idKey(change.id), change.id)
        else after.delete(idKey(change.id))
      }
    } else {
      limited = this.select(collectionDocs())
      after = membersOf(limited)
    }
    if (after.size > MAX_WATCH_RECORDS) return { kind: 'overflow' }

    const id = this.currEvent + 1
    const events: WatchEvent[] = []
    const changed = new Set<string>()
    for (const change of relevant) {
      const key = idKey(change.id)
      changed.add(key)
      if (before.has(key) || after.has(key)) events.push(changeEvent(id, change, before.has(key), after.has(key)))
    }
    // Documents pushed into or out of a limited result by another document's change.
    for (const doc of limited ?? []) {
      const key = idKey(doc._id as DocId)
      if (!before.has(key) && !changed.has(key))
        events.push({ ID: id, DataType: 'limit', QueueType: 'enqueue', DocID: doc._id as DocId, Doc: docJson(doc) })
    }
    for (const [key, docId] of before) {
      if (!after.has(key) && !changed.has(key)) events.push({ ID: id, DataType: 'limit', QueueType: 'dequeue', DocID: docId })
    }
    this.members = after
    if (events.length === 0) return { kind: 'events', events }
    this.currEvent = id
    this.log.push(events)
    if (this.log.length > EVENT_LOG_SIZE) this.log.shift()
    return { kind: 'events', events }
  }

  /** Events after `eventId` for REBUILD_WATCH, or undefined when they are no longer kept. */
  eventsAfter(eventId: number): WatchEvent[] | undefined {
    if (eventId >= this.currEvent) return []
    const oldest = this.log[0]?.[0]?.ID
    if (oldest === undefined || oldest > eventId + 1) return undefined
    return this.log.flat().filter((event) => event.ID > eventId)
  }

  private select(docs: Doc[]): Doc[] {
    // Without orderBy the platform orders a watch "按 id 降序" (by id, descending).
    const cursor = find(docs, this.spec.query).sort(this.spec.order ?? { _id: -1 })
    return (this.spec.limit === undefined ? cursor : cursor.limit(this.spec.limit)).all() as Doc[]
  }
}

function membersOf(docs: Doc[]): Map<string, DocId> {
  return new Map(docs.map((doc) => [idKey(doc._id as DocId), doc._id as DocId]))
}

function changeEvent(id: number, change: DocChange, was: boolean, is: boolean): WatchEvent {
  const queue: QueueType = was && is ? 'update' : is ? 'enqueue' : 'dequeue'
  if (change.kind === 'remove') return { ID: id, DataType: 'remove', QueueType: 'dequeue', DocID: change.id }
  if (change.kind === 'insert') return { ID: id, DataType: 'add', QueueType: queue, DocID: change.id, Doc: docJson(change.after as Doc) }
  const event: WatchEvent = { ID: id, DataType: change.kind, QueueType: queue, DocID: change.id, Doc: docJson(change.after as Doc) }
  if (change.kind === 'update') {
    const diff = diffFields(change.before ?? {}, change.after as Doc)
    event.UpdatedFields = JSON.stringify(diff.updatedFields)
    event.removedFields = JSON.stringify(diff.removedFields)
  }
  return event
}

/**
 * A realtime `Doc` is plain JSON that the client JSON.parses; Dates therefore arrive as ISO strings
 * (how production encodes Dates here is UNVERIFIED, reference/cloud-emulation.md §5.2).
 */
function docJson(doc: Doc): string {
  return JSON.stringify(doc)
}
