// Optional persistence: an append-only JSONL op-log, one line per commit (a transaction is one line,
// so it replays all-or-nothing). Each line is written with a synchronous write before the write is
// acknowledged, so a crash of the process loses nothing acknowledged (the bytes are in the OS page
// cache). With `fsync` each line is also flushed to the disk before the acknowledgement, so it
// survives power loss too (reference/cloud-emulation.md §4.4). The data dir is locked first
// (lock.ts): one writer per dir. On start the log is replayed: a torn last line (a crash
// mid-append, never acknowledged) is dropped, a bad line anywhere else stops the start with its line
// number and leaves the file alone. Then the log is compacted (rewritten as the current state), and
// again whenever it grows past a threshold: the new file is written beside the log, flushed, and
// renamed over it only while this process still holds the lock.
import { closeSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import * as path from 'node:path'
import { z } from 'zod'
import { REPO_ROOT } from './config'
import { decodeDocument, encodeDocument } from './ejson'
import { DataDirLockedError, lockDataDir, type DataDirLock } from './lock'
import type { Commit, DocId, Journal, Store } from './store'

const recordSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('commit'),
    env: z.string(),
    changes: z.array(z.object({ c: z.string(), id: z.union([z.string(), z.number()]), doc: z.string().optional() })),
  }),
  z.object({ op: z.literal('collection'), env: z.string(), c: z.string() }),
  z.object({ op: z.literal('reset') }),
])
type LogRecord = z.infer<typeof recordSchema>

export const LOG_FILE = 'oplog.jsonl'
/** `npm start`'s data, the one a person looks at: no test and no headless devcloud writes there by default. */
export const NPM_START_DATA_DIR = path.join(REPO_ROOT, '.devcloud')
export const COMPACT_FILE = `${LOG_FILE}.compact`
/** Compact at run time once the appended lines exceed this and the last snapshot's size. */
export const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024

export interface OpLogOptions {
  /** Flush every line to the disk before acknowledging it (power-loss durable; slower). */
  fsync?: boolean
  /** A lock on `dir` the caller already holds; otherwise open() takes one and close() releases it. */
  lock?: DataDirLock
  compactAfterBytes?: number
}

export interface Replay {
  records: number
  droppedTornLine: boolean
}

/** The log cannot be replayed: a line other than the last is not a valid record. */
export class OpLogCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(
      `${file} line ${line} is corrupt (${reason}). It is not a torn last line, so nothing was loaded and the file was left as it is: ` +
        'repair or delete that line, or move the file away to start empty.',
    )
    this.name = 'OpLogCorruptError'
  }
}

export class OpLog implements Journal {
  private fd: number
  private appendedBytes = 0
  private snapshotBytes: number
  private compactionQueued = false
  private closed = false
  /** Set when the lock was lost: every later write is refused rather than written where nobody reads it. */
  private broken: string | undefined

  private constructor(
    private readonly file: string,
    private readonly store: Store,
    private readonly lock: DataDirLock,
    private readonly ownsLock: boolean,
    private readonly options: OpLogOptions,
  ) {
    this.snapshotBytes = this.writeSnapshot()
    this.fd = openSync(file, 'a')
  }

  /** Locks `dir`, replays `<dir>/oplog.jsonl` into `store`, and compacts it. Throws DataDirLockedError, OpLogCorruptError. */
  static open(dir: string, store: Store, options: OpLogOptions = {}): { log: OpLog; replay: Replay } {
    const lock = options.lock ?? takeLock(dir)
    try {
      if (path.resolve(lock.dir) !== path.resolve(dir)) throw new Error(`the lock given is for ${lock.dir}, not ${dir}`)
      const file = path.join(dir, LOG_FILE)
      // A compaction that died before its rename left this; the log beside it is still the truth.
      rmSync(path.join(dir, COMPACT_FILE), { force: true })
      const replay = replayLog(file, store)
      return { log: new OpLog(file, store, lock, options.lock === undefined, options), replay }
    } catch (error) {
      if (options.lock === undefined) lock.release()
      throw error
    }
  }

  appendCommit(commit: Commit): void {
    this.append({
      op: 'commit',
      env: commit.env,
      changes: commit.changes.map((change) =>
        change.after ? { c: change.collection, id: change.id, doc: encodeDocument(change.after) } : { c: change.collection, id: change.id },
      ),
    })
  }

  appendCollection(env: string, collection: string): void {
    this.append({ op: 'collection', env, c: collection })
  }

  appendReset(): void {
    this.append({ op: 'reset' })
  }

  /** Rewrites the log as the store's current state (which must include every appended line). */
  compact(): void {
    if (this.closed || this.broken) return
    this.snapshotBytes = this.writeSnapshot()
    closeSync(this.fd)
    this.fd = openSync(this.file, 'a')
    this.appendedBytes = 0
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    closeSync(this.fd)
    if (this.ownsLock) this.lock.release()
  }

  private append(record: LogRecord): void {
    if (this.broken) throw new Error(this.broken)
    if (this.closed) throw new Error(`${this.file} is closed`)
    this.appendedBytes += writeSync(this.fd, `${JSON.stringify(record)}\n`)
    if (this.options.fsync) fdatasyncSync(this.fd)
    if (this.appendedBytes > Math.max(this.options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES, this.snapshotBytes))
      this.queueCompaction()
  }

  // Not inline: the commit being appended reaches the store only after its line is written. By the
  // next turn of the event loop every appended line is applied, so the snapshot holds them all.
  private queueCompaction(): void {
    if (this.compactionQueued) return
    this.compactionQueued = true
    setImmediate(() => {
      this.compactionQueued = false
      try {
        this.compact()
      } catch (error) {
        const after = this.broken ? 'writes are refused from now on' : 'the log is unchanged and still appended to'
        console.error(`[devcloud] op-log compaction failed (${after}): ${(error as Error).message}`)
      }
    })
  }

  /** Writes the snapshot beside the log and renames it over the log; returns its size. */
  private writeSnapshot(): number {
    const temporary = path.join(path.dirname(this.file), COMPACT_FILE)
    const fd = openSync(temporary, 'w')
    let bytes = 0
    try {
      for (const line of snapshotLines(this.store)) bytes += writeSync(fd, line)
      if (this.options.fsync) fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    pauseForTest('after-temp', temporary)
    if (!this.lock.isHeld()) {
      rmSync(temporary, { force: true })
      this.broken = `write not persisted: the lock on ${this.lock.dir} was lost (another process took the data dir); restart this devcloud`
      throw new Error(this.broken)
    }
    renameSync(temporary, this.file)
    if (this.options.fsync) syncDirectory(path.dirname(this.file))
    pauseForTest('after-rename', this.file)
    return bytes
  }
}

function takeLock(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true })
  const locked = lockDataDir(dir)
  if (!locked.ok) throw new DataDirLockedError(locked.message, locked.holder)
  return locked.lock
}

function replayLog(file: string, store: Store): Replay {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: 0, droppedTornLine: false }
    throw error
  }
  const lines = text.split('\n')
  // The text after the last newline is either empty or a line the process died writing: its write
  // never returned, so it was never acknowledged.
  const tail = lines.pop() ?? ''
  const records: Array<{ line: number; record: LogRecord }> = []
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    const record = parseRecord(line)
    if (typeof record === 'string') throw new OpLogCorruptError(file, index + 1, record)
    records.push({ line: index + 1, record })
  }
  store.clearForReplay()
  for (const { line, record } of records) {
    const refused = apply(record, store)
    if (refused !== undefined) {
      store.clearForReplay()
      throw new OpLogCorruptError(file, line, refused)
    }
  }
  return { records: records.length, droppedTornLine: tail.trim() !== '' }
}

function parseRecord(line: string): LogRecord | string {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return 'not JSON'
  }
  const parsed = recordSchema.safeParse(json)
  return parsed.success ? parsed.data : `not an op-log record: ${parsed.error.issues[0]?.message ?? 'invalid'}`
}

/** Applies one record; a string is why it could not be. */
function apply(record: LogRecord, store: Store): string | undefined {
  if (record.op === 'reset') {
    store.clearForReplay()
    return undefined
  }
  if (record.op === 'collection') {
    store.restoreCollection(record.env, record.c)
    return undefined
  }
  const changes = []
  for (const change of record.changes) {
    if (change.doc === undefined) {
      changes.push({ collection: change.c, id: change.id, kind: 'remove' as const, before: undefined, after: undefined })
      continue
    }
    const doc = decodeDocument(change.doc, 0, 'op-log document')
    if (!doc.ok) return doc.message
    changes.push({ collection: change.c, id: change.id, kind: 'replace' as const, before: undefined, after: doc.value })
  }
  store.apply({ env: record.env, changes })
  return undefined
}

/** The current state as log lines: one collection record per env and collection, one commit per collection. */
function* snapshotLines(store: Store): Generator<string> {
  for (const env of store.envIds()) {
    for (const collection of store.collectionNames(env)) {
      yield `${JSON.stringify({ op: 'collection', env, c: collection } satisfies LogRecord)}\n`
      const docs = store.scan(env, collection)
      if (docs.length === 0) continue
      const changes = docs.map((doc) => ({ c: collection, id: doc._id as DocId, doc: encodeDocument(doc) }))
      yield `${JSON.stringify({ op: 'commit', env, changes } satisfies LogRecord)}\n`
    }
  }
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

const compactionsSeen = { 'after-temp': 0, 'after-rename': 0 }

/**
 * Test hook: DEVCLOUD_COMPACTION_PAUSE=after-temp|after-rename[@N] announces on stderr and holds the
 * process still at that point of its Nth compaction (default 1st; the one at start counts), so a
 * test can kill it exactly there.
 */
function pauseForTest(point: 'after-temp' | 'after-rename', file: string): void {
  const knob = process.env.DEVCLOUD_COMPACTION_PAUSE
  if (knob === undefined || !knob.startsWith(point)) return
  compactionsSeen[point] += 1
  if (compactionsSeen[point] !== Number(knob.split('@')[1] ?? 1)) return
  writeSync(2, `devcloud compaction paused ${point} ${file} (size ${statSync(file).size})\n`)
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env.DEVCLOUD_COMPACTION_PAUSE_MS ?? 60_000))
}
