// Optional persistence: an append-only JSONL op-log, one line per commit (a transaction is one line,
// so it replays all-or-nothing). Each line is written with a synchronous write before the write is
// acknowledged, so a crash of the process loses nothing acknowledged (the bytes are in the OS page
// cache; power-loss durability is not attempted: no fsync, reference/cloud-emulation.md §4.4). On
// start the log is replayed, a torn last line (a crash mid-append) is dropped, and the log is
// rewritten compactly from the resulting state.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import * as path from 'node:path'
import { decodeDocument, encodeDocument } from './ejson'
import type { Commit, DocId, Journal, Store } from './store'

type LogRecord =
  | { op: 'commit'; env: string; changes: Array<{ c: string; id: DocId; doc?: string }> }
  | { op: 'collection'; env: string; c: string }
  | { op: 'reset' }

export const LOG_FILE = 'oplog.jsonl'

export interface Replay { records: number; droppedTornLine: boolean }

export class OpLog implements Journal {
  private fd: number

  private constructor(file: string) {
    this.fd = openSync(file, 'a')
  }

  /** Opens `<dir>/oplog.jsonl`, replays it into `store`, and compacts it. */
  static open(dir: string, store: Store): { log: OpLog; replay: Replay } {
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, LOG_FILE)
    const replay = existsSync(file) ? replayFile(file, store) : { records: 0, droppedTornLine: false }
    writeSnapshot(file, store)
    return { log: new OpLog(file), replay }
  }

  appendCommit(commit: Commit): void {
    this.append({
      op: 'commit',
      env: commit.env,
      changes: commit.changes.map((change) => (change.after ? { c: change.collection, id: change.id, doc: encodeDocument(change.after) } : { c: change.collection, id: change.id })),
    })
  }

  appendCollection(env: string, collection: string): void {
    this.append({ op: 'collection', env, c: collection })
  }

  appendReset(): void {
    this.append({ op: 'reset' })
  }

  close(): void {
    closeSync(this.fd)
  }

  private append(record: LogRecord): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`)
  }
}

function replayFile(file: string, store: Store): Replay {
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n')
  // The text after the last newline is either empty or a line the process died writing.
  const tail = lines.pop() ?? ''
  store.clearForReplay()
  let records = 0
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    let record: LogRecord
    try {
      record = JSON.parse(line) as LogRecord
    } catch {
      throw new Error(`${file}:${index + 1}: corrupt op-log line (not a torn last line); move the file away to start empty`)
    }
    apply(record, store, `${file}:${index + 1}`)
    records += 1
  }
  return { records, droppedTornLine: tail.trim() !== '' }
}

function apply(record: LogRecord, store: Store, where: string): void {
  if (record.op === 'reset') return store.clearForReplay()
  if (record.op === 'collection') return store.restoreCollection(record.env, record.c)
  if (record.op !== 'commit') throw new Error(`${where}: unknown op-log record`)
  const changes = record.changes.map((change) => {
    if (change.doc === undefined) return { collection: change.c, id: change.id, kind: 'remove' as const, before: undefined, after: undefined }
    const doc = decodeDocument(change.doc, 0, 'op-log document')
    if (!doc.ok) throw new Error(`${where}: ${doc.message}`)
    return { collection: change.c, id: change.id, kind: 'replace' as const, before: undefined, after: doc.value }
  })
  store.apply({ env: record.env, changes })
}

/** Rewrites the log as the current state: one collection record per env and collection, one commit per env. */
function writeSnapshot(file: string, store: Store): void {
  const temporary = `${file}.compact`
  const fd = openSync(temporary, 'w')
  try {
    for (const env of store.envIds()) {
      for (const collection of store.collectionNames(env)) {
        writeSync(fd, `${JSON.stringify({ op: 'collection', env, c: collection } satisfies LogRecord)}\n`)
        const docs = store.scan(env, collection)
        if (docs.length === 0) continue
        const changes = docs.map((doc) => ({ c: collection, id: doc._id as DocId, doc: encodeDocument(doc) }))
        writeSync(fd, `${JSON.stringify({ op: 'commit', env, changes } satisfies LogRecord)}\n`)
      }
    }
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, file)
}
