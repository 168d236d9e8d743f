// Export and import, as Firebase's emulators do (`--export-on-exit`, `--import`): a directory with a
// manifest and one JSON-lines file per collection, one document per line in relaxed EJSON (dates
// stay dates, ids and numbers stay what they were; readable and diffable, so a scenario can be saved,
// shared and a test started from it):
//   <dir>/devcloud-export.json        { format, version, exportedAt, envs: { <env>: { <collection>: <count> } } }
//   <dir>/<env>/<collection>.jsonl
// An export is written beside its target and swapped in whole; an import is read and checked in
// full (manifest, names, every line, counts, duplicate ids) before anything in the store changes.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { EJSON } from 'bson'
import { z } from 'zod'
import { SAFE_ENV } from './actions'
import { decodeDocument, type Doc } from './ejson'
import type { DocChange, DocId, Store } from './store'

export const MANIFEST_FILE = 'devcloud-export.json'
const FORMAT = 'devcloud-export'
const VERSION = 1
const COLLECTION_NAME = /^[A-Za-z_][\w-]{0,63}$/
/** Documents per journaled commit on import (one op-log line each). */
const IMPORT_CHUNK = 500

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  exportedAt: z.string(),
  envs: z.record(z.string().regex(SAFE_ENV), z.record(z.string().regex(COLLECTION_NAME), z.number().int().nonnegative())),
})
export type ExportManifest = z.infer<typeof manifestSchema>

export interface ExportSummary {
  dir: string
  envs: ExportManifest['envs']
  documents: number
}
export type TransferResult = { ok: true; summary: ExportSummary } | { ok: false; reason: string }

/** The line a CLI prints for an export it wrote (or could not). */
export function describeExport(result: TransferResult): string {
  if (!result.ok) return `export failed: ${result.reason}`
  const envs = Object.entries(result.summary.envs).map(([env, collections]) => `${env}: ${Object.keys(collections).length} collections`)
  return `exported ${result.summary.documents} documents to ${result.summary.dir} (${envs.join('; ') || 'no data'})`
}

/** startDevCloud's `importDir` could not be loaded (nothing was changed). */
export class ImportRefusedError extends Error {
  constructor(dir: string, reason: string) {
    super(`cannot import ${dir}: ${reason}`)
    this.name = 'ImportRefusedError'
  }
}

export interface ExportedData {
  manifest: ExportManifest
  /** env → collection → documents, in file order. */
  docs: Map<string, Map<string, Doc[]>>
}

/** Every env that holds a document, every collection of it (empty ones too). */
export function writeExport(store: Store, dir: string, exportedAt: Date): TransferResult {
  const target = path.resolve(dir)
  const refused = refuseToReplace(target)
  if (refused) return { ok: false, reason: refused }
  const staging = `${target}.partial-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  const envs: ExportManifest['envs'] = {}
  let documents = 0
  try {
    for (const env of store.envIds().sort()) {
      const names = store.collectionNames(env)
      if (names.every((name) => store.count(env, name) === 0)) continue
      envs[env] = {}
      mkdirSync(path.join(staging, env), { recursive: true })
      for (const name of names) {
        const docs = store.scan(env, name)
        writeFileSync(path.join(staging, env, `${name}.jsonl`), docs.map((doc) => `${EJSON.stringify(doc, { relaxed: true })}\n`).join(''))
        envs[env][name] = docs.length
        documents += docs.length
      }
    }
    mkdirSync(staging, { recursive: true })
    const manifest: ExportManifest = { format: FORMAT, version: VERSION, exportedAt: exportedAt.toISOString(), envs }
    writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
    swapIn(staging, target)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  return { ok: true, summary: { dir: target, envs, documents } }
}

/** Reads and checks a whole export; nothing is applied. */
export function readExport(dir: string): { ok: true; data: ExportedData } | { ok: false; reason: string } {
  const source = path.resolve(dir)
  const manifestFile = path.join(source, MANIFEST_FILE)
  if (!existsSync(manifestFile)) return { ok: false, reason: `${source} is not a devcloud export (no ${MANIFEST_FILE})` }
  let json: unknown
  try {
    json = JSON.parse(readFileSync(manifestFile, 'utf8'))
  } catch (error) {
    return { ok: false, reason: `${manifestFile}: not JSON (${(error as Error).message})` }
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      reason: `${manifestFile}: ${issue ? `${issue.path.join('.') || 'manifest'}: ${issue.message}` : 'invalid manifest'}`,
    }
  }
  const docs = new Map<string, Map<string, Doc[]>>()
  for (const [env, collections] of Object.entries(parsed.data.envs)) {
    const byCollection = new Map<string, Doc[]>()
    docs.set(env, byCollection)
    for (const [name, count] of Object.entries(collections)) {
      const read = readCollection(path.join(source, env, `${name}.jsonl`), count)
      if (!read.ok) return read
      byCollection.set(name, read.docs)
    }
  }
  return { ok: true, data: { manifest: parsed.data, docs } }
}

/**
 * Puts an export's documents into an emptied store, journaled (so a persisted devcloud keeps them).
 * `intoEnv` loads a one-env export under another env id (a test's `test-…` env).
 */
export function applyImport(store: Store, data: ExportedData, intoEnv?: string): TransferResult {
  const envs = [...data.docs.keys()]
  if (intoEnv !== undefined && envs.length !== 1)
    return { ok: false, reason: `intoEnv needs an export of exactly one env; this one has ${envs.length} (${envs.join(', ')})` }
  let documents = 0
  const summary: ExportManifest['envs'] = {}
  for (const [env, collections] of data.docs) {
    const target = intoEnv ?? env
    summary[target] = {}
    for (const [name, docs] of collections) {
      const added = store.addCollection(target, name)
      if (!added.ok) return { ok: false, reason: added.message }
      for (let start = 0; start < docs.length; start += IMPORT_CHUNK) {
        const changes: DocChange[] = docs
          .slice(start, start + IMPORT_CHUNK)
          .map((doc) => ({ collection: name, id: doc._id as DocId, kind: 'insert', before: undefined, after: doc }))
        const written = store.commit(target, changes, { bypassGuard: true })
        if (!written.ok) return { ok: false, reason: written.message }
      }
      summary[target][name] = docs.length
      documents += docs.length
    }
  }
  return { ok: true, summary: { dir: '', envs: summary, documents } }
}

function readCollection(file: string, expected: number): { ok: true; docs: Doc[] } | { ok: false; reason: string } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return { ok: false, reason: `${file}: missing (the manifest lists it)` }
  }
  const docs: Doc[] = []
  const seen = new Set<string>()
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    const where = `${file}:${index + 1}`
    const doc = decodeDocument(line, 0, where)
    if (!doc.ok) return { ok: false, reason: doc.message }
    const id = doc.value._id
    if (typeof id !== 'string' && typeof id !== 'number') return { ok: false, reason: `${where}: _id must be a string or a number` }
    const key = `${typeof id}:${id}`
    if (seen.has(key)) return { ok: false, reason: `${where}: duplicate _id ${JSON.stringify(id)}` }
    seen.add(key)
    docs.push(doc.value)
  }
  if (docs.length !== expected)
    return { ok: false, reason: `${file}: ${docs.length} documents, the manifest says ${expected} (an incomplete copy?)` }
  return { ok: true, docs }
}

/** An existing target is replaced only if it is an earlier export (or empty): never a directory of something else. */
function refuseToReplace(target: string): string | undefined {
  if (!existsSync(target)) return undefined
  const entries = readdirSync(target)
  if (entries.length === 0 || entries.includes(MANIFEST_FILE)) return undefined
  return `${target} exists and is not a devcloud export; choose an empty or new directory`
}

function swapIn(staging: string, target: string): void {
  if (!existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true })
    renameSync(staging, target)
    return
  }
  const old = `${target}.old-${process.pid}`
  rmSync(old, { recursive: true, force: true })
  renameSync(target, old)
  renameSync(staging, target)
  rmSync(old, { recursive: true, force: true })
}
