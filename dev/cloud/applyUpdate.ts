// Applying `modifyDocument` data to a stored document. With `merge: true` the SDK always sends an
// operator document — plain nested objects arrive already flattened into dotted `$set` paths — and
// these are the operators its db.command emits (reference/cloud-emulation.md §1.4). With
// `merge: false` (`doc.set`) the data replaces the document and may not carry operators.
import { update as mingoUpdate } from 'mingo/updater'
import { deepClone } from './clone'
import { fail, ok, type CloudResult } from './errors'
import type { Doc } from './ejson'

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pop',
  '$addToSet',
  '$pull',
  '$pullAll',
])

/** The new document after an operator update, or the unchanged input when nothing changed. */
export function applyMerge(current: Doc, update: Doc): CloudResult<Doc> {
  const modifier: Record<string, Doc> = {}
  for (const [key, value] of Object.entries(update)) {
    if (key.startsWith('$')) {
      if (!UPDATE_OPERATORS.has(key)) return fail('DATABASE_REQUEST_FAILED', `unknown update operator ${key}`)
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return fail('DATABASE_REQUEST_FAILED', `${key} needs an object`)
      modifier[key] = { ...(modifier[key] ?? {}), ...(value as Doc) }
    } else {
      modifier.$set = { ...(modifier.$set ?? {}), [key]: value }
    }
  }
  for (const fields of Object.values(modifier)) {
    for (const path of Object.keys(fields))
      if (path === '_id' || path.startsWith('_id.')) return fail('DATABASE_REQUEST_FAILED', 'cannot update _id')
  }
  for (const [path, target] of Object.entries(modifier.$rename ?? {})) {
    if (target === '_id' || path === '_id') return fail('DATABASE_REQUEST_FAILED', 'cannot rename _id')
  }
  const next = deepClone(current)
  try {
    const changed = mingoUpdate(next, modifier, undefined, undefined, { cloneMode: 'deep' })
    return ok(changed.length === 0 ? current : next)
  } catch (error) {
    return fail('DATABASE_REQUEST_FAILED', `update failed: ${(error as Error).message}`)
  }
}

export function replacement(id: unknown, data: Doc): CloudResult<Doc> {
  for (const key of Object.keys(data)) {
    if (key.startsWith('$')) return fail('DATABASE_REQUEST_FAILED', 'update operator complicit: set() takes a plain document')
  }
  if ('_id' in data && data._id !== id) return fail('DATABASE_REQUEST_FAILED', 'cannot change _id')
  const { _id: _ignored, ...fields } = deepClone(data)
  return ok({ _id: id, ...fields })
}

/** An upsert starts from the query's plain equality fields (Mongo's rule), i.e. `{_id}` for doc(id). */
export function upsertBase(query: Doc): Doc {
  const base: Doc = {}
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue
    if (value !== null && typeof value === 'object' && !(value instanceof Date) && Object.keys(value).some((k) => k.startsWith('$')))
      continue
    base[key] = value
  }
  return base
}
