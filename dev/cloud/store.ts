// The database state: per env id, per collection, documents by _id, kept as immutable values
// (every write swaps in a new object, so a reader never sees a half-applied change). Each document
// key has a version that moves on every write (and stays after removal) for optimistic transactions.
// A commit is all-or-nothing: the write guard (fault knobs) and the journal (persistence) run first;
// only then does the change become visible and reach the realtime fan-out.
import { collectionMissing, fail, ok, type CloudFailure, type CloudResult } from './errors'
import type { Doc } from './ejson'

export type DocId = string | number

export interface DocChange {
  collection: string
  id: DocId
  kind: 'insert' | 'update' | 'replace' | 'remove'
  before: Doc | undefined
  after: Doc | undefined
}

export interface Commit {
  env: string
  changes: DocChange[]
}

export interface Journal {
  appendCommit(commit: Commit): void
  appendCollection(env: string, collection: string): void
  appendReset(): void
}

export type WriteGuard = (commit: Commit) => CloudFailure | undefined

interface Collection {
  docs: Map<string, Doc>
  versions: Map<string, number>
}

export function idKey(id: DocId): string {
  return typeof id === 'string' ? id : `#num:${id}`
}

export class Store {
  private readonly envs = new Map<string, Map<string, Collection>>()
  private readonly listeners: Array<(commit: Commit) => void> = []
  private guard: WriteGuard = () => undefined
  private journal: Journal | undefined

  /** `configured` lists the collections every env starts with (one per rules file). */
  constructor(private readonly configured: readonly string[]) {}

  setJournal(journal: Journal | undefined): void {
    this.journal = journal
  }
  setWriteGuard(guard: WriteGuard): void {
    this.guard = guard
  }
  onCommit(listener: (commit: Commit) => void): void {
    this.listeners.push(listener)
  }

  private env(env: string): Map<string, Collection> {
    let collections = this.envs.get(env)
    if (!collections) {
      collections = new Map(this.configured.map((name) => [name, emptyCollection()]))
      this.envs.set(env, collections)
    }
    return collections
  }

  hasCollection(env: string, collection: string): boolean {
    return this.env(env).has(collection)
  }

  collectionNames(env: string): string[] {
    return [...this.env(env).keys()].sort()
  }

  envIds(): string[] {
    return [...this.envs.keys()]
  }

  addCollection(env: string, collection: string): CloudResult<'created' | 'exists'> {
    if (!/^[A-Za-z_][\w-]{0,63}$/.test(collection)) return fail('INVALID_PARAM', `invalid collection name "${collection}"`)
    if (this.hasCollection(env, collection)) return ok('exists')
    this.journal?.appendCollection(env, collection)
    this.env(env).set(collection, emptyCollection())
    return ok('created')
  }

  get(env: string, collection: string, id: DocId): Doc | undefined {
    return this.env(env).get(collection)?.docs.get(idKey(id))
  }

  version(env: string, collection: string, id: DocId): number {
    return this.env(env).get(collection)?.versions.get(idKey(id)) ?? 0
  }

  /** All documents in insertion order (the emulator's "natural order"). */
  scan(env: string, collection: string): Doc[] {
    return [...(this.env(env).get(collection)?.docs.values() ?? [])]
  }

  count(env: string, collection: string): number {
    return this.env(env).get(collection)?.docs.size ?? 0
  }

  /** `bypassGuard` is for direct test/seed writes, which fault knobs must not refuse. */
  commit(env: string, changes: DocChange[], options: { bypassGuard?: boolean } = {}): CloudResult<void> {
    if (changes.length === 0) return ok(undefined)
    const collections = this.env(env)
    for (const change of changes) if (!collections.has(change.collection)) return collectionMissing(change.collection)
    const commit: Commit = { env, changes }
    const refused = options.bypassGuard ? undefined : this.guard(commit)
    if (refused) return refused
    try {
      this.journal?.appendCommit(commit)
    } catch (error) {
      return fail('DATABASE_REQUEST_FAILED', `write not persisted: ${(error as Error).message}`)
    }
    this.apply(commit)
    for (const listener of this.listeners) listener(commit)
    return ok(undefined)
  }

  /** Applies an already-journaled commit (op-log replay); no guard, no journal, no listeners. */
  apply(commit: Commit): void {
    const collections = this.env(commit.env)
    for (const change of commit.changes) {
      let collection = collections.get(change.collection)
      if (!collection) {
        collection = emptyCollection()
        collections.set(change.collection, collection)
      }
      const key = idKey(change.id)
      if (change.after) collection.docs.set(key, change.after)
      else collection.docs.delete(key)
      collection.versions.set(key, (collection.versions.get(key) ?? 0) + 1)
    }
  }

  /** Replays an already-journaled addCollection. */
  restoreCollection(env: string, collection: string): void {
    if (!this.hasCollection(env, collection)) this.env(env).set(collection, emptyCollection())
  }

  /** Back to the configured, empty collections in every env. */
  reset(): void {
    this.journal?.appendReset()
    this.envs.clear()
  }

  /** Forgets the state without journaling (before an op-log replay). */
  clearForReplay(): void {
    this.envs.clear()
  }
}

function emptyCollection(): Collection {
  return { docs: new Map(), versions: new Map() }
}
