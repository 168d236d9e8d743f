// database.insertDocument / modifyDocument / modifyAndReturnDoc / removeDocument. Every action
// computes all its changes first and commits them at once, so a bad document or an injected fault
// leaves nothing half-written.
import { find } from 'mingo'
import { z } from 'zod'
import { applyMerge, replacement, upsertBase } from './applyUpdate'
import { decodeDocument, encodeDocument, isPlainObject, type Doc } from './ejson'
import { fail, ok, type CloudResult } from './errors'
import { sameValue } from './fieldDiff'
import {
  authorize,
  collectionParams,
  docIdOf,
  newDocumentId,
  openQuery,
  parseParams,
  queryParams,
  refuseInTransaction,
  requireCollection,
  type DbCaller,
} from './dbParams'
import { idKey, type DocChange, type DocId } from './store'

const insertParams = collectionParams.extend({ data: z.array(z.string()).min(1) })

export function insertDocument(caller: DbCaller, params: unknown): CloudResult<{ data: { insertedIds: DocId[] } }> {
  const parsed = parseParams(insertParams, params, 'database.insertDocument')
  if (!parsed.ok) return parsed
  const { collectionName, data } = parsed.value
  const exists = requireCollection(caller, collectionName)
  if (!exists.ok) return exists
  const changes: DocChange[] = []
  const seen = new Set<string>()
  for (const text of data) {
    const decoded = decodeDocument(text, caller.now, 'data')
    if (!decoded.ok) return decoded
    let doc = decoded.value
    if (caller.shopper) {
      // The platform stamps the creator; a page can neither choose nor forge it (reference/wechat.md §2.3).
      if ('_openid' in doc)
        return fail('DATABASE_PERMISSION_DENIED', 'Permission denied: _openid is set by the platform and cannot be written by the client')
      doc = { ...doc, _openid: caller.shopper.openid }
      const allowed = authorize(caller, collectionName, 'create', { document: doc }, doc)
      if (!allowed.ok) return allowed
    }
    const id = doc._id ?? newDocumentId()
    if (typeof id !== 'string' && typeof id !== 'number') return fail('DATABASE_REQUEST_FAILED', '_id must be a string or a number')
    if (seen.has(idKey(id)) || caller.view.get(collectionName, id)) {
      return fail(
        'DATABASE_REQUEST_FAILED',
        `E11000 duplicate key error collection: ${collectionName} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
      )
    }
    seen.add(idKey(id))
    const { _id: _given, ...fields } = doc
    changes.push({ collection: collectionName, id, kind: 'insert', before: undefined, after: { _id: id, ...fields } })
  }
  const written = caller.view.write(changes)
  if (!written.ok) return written
  return ok({ data: { insertedIds: changes.map((change) => change.id) } })
}

const modifyParams = queryParams.extend({
  data: z.string(),
  merge: z.boolean().optional(),
  upsert: z.boolean().optional(),
})

interface Modified {
  updated: number
  upsertId?: DocId
  docs: Doc[]
}

export function modifyDocument(caller: DbCaller, params: unknown): CloudResult<{ data: { updated: number; upsert_id?: DocId } }> {
  const modified = modify(caller, params, 'database.modifyDocument', false)
  if (!modified.ok) return modified
  const { updated, upsertId } = modified.value
  return ok({ data: upsertId === undefined ? { updated } : { updated, upsert_id: upsertId } })
}

export function modifyAndReturnDoc(caller: DbCaller, params: unknown): CloudResult<{ data: { updated: number; doc?: string } }> {
  const modified = modify(caller, params, 'database.modifyAndReturnDoc', true)
  if (!modified.ok) return modified
  const doc = modified.value.docs[0]
  return ok({ data: doc ? { updated: modified.value.updated, doc: encodeDocument(doc) } : { updated: 0 } })
}

function modify(caller: DbCaller, params: unknown, action: string, single: boolean): CloudResult<Modified> {
  const opened = openQuery(caller, modifyParams, params, action)
  if (!opened.ok) return opened
  const { params: p, query } = opened.value
  const data = decodeDocument(p.data, caller.now, 'data')
  if (!data.ok) return data
  const merge = p.merge ?? true
  if (caller.shopper) {
    if (touchesOpenid(data.value)) return fail('DATABASE_PERMISSION_DENIED', 'Permission denied: _openid cannot be changed by the client')
    const allowed = authorize(caller, p.collectionName, 'update', { query }, data.value)
    if (!allowed.ok) return allowed
  }
  const targets = findTargets(caller, p.collectionName, p.queryType, query, single ? false : p.multi, action)
  if (!targets.ok) return targets

  const changes: DocChange[] = []
  for (const target of targets.value) {
    const next = merge ? applyMerge(target, data.value) : replacement(target._id, keepOwner(caller, target, data.value))
    if (!next.ok) return next
    if (sameValue(target, next.value)) continue
    changes.push({
      collection: p.collectionName,
      id: target._id as DocId,
      kind: merge ? 'update' : 'replace',
      before: target,
      after: next.value,
    })
  }
  let upsertId: DocId | undefined
  if (targets.value.length === 0 && p.upsert) {
    const base = upsertBase(query)
    const id = (base._id as DocId | undefined) ?? newDocumentId()
    const created = merge ? applyMerge({ ...base, _id: id }, data.value) : replacement(id, data.value)
    if (!created.ok) return created
    let after = created.value
    if (caller.shopper) {
      after = { ...after, _openid: caller.shopper.openid }
      const allowed = authorize(caller, p.collectionName, 'create', { document: after }, data.value)
      if (!allowed.ok) return allowed
    }
    changes.push({ collection: p.collectionName, id, kind: 'insert', before: undefined, after })
    upsertId = id
  }
  const written = caller.view.write(changes)
  if (!written.ok) return written
  const updated = changes.filter((change) => change.kind !== 'insert').length
  return ok({ updated, upsertId, docs: changes.map((change) => change.after as Doc) })
}

export function removeDocument(caller: DbCaller, params: unknown): CloudResult<{ data: { deleted: number } }> {
  const opened = openQuery(caller, queryParams, params, 'database.removeDocument')
  if (!opened.ok) return opened
  const { params: p, query } = opened.value
  const allowed = authorize(caller, p.collectionName, 'delete', { query })
  if (!allowed.ok) return allowed
  const targets = findTargets(caller, p.collectionName, p.queryType, query, p.multi, 'database.removeDocument')
  if (!targets.ok) return targets
  const changes: DocChange[] = targets.value.map((target) => ({
    collection: p.collectionName,
    id: target._id as DocId,
    kind: 'remove',
    before: target,
    after: undefined,
  }))
  const written = caller.view.write(changes)
  if (!written.ok) return written
  return ok({ data: { deleted: changes.length } })
}

function findTargets(
  caller: DbCaller,
  collection: string,
  queryType: 'DOC' | 'WHERE' | undefined,
  query: Doc,
  multi: boolean | undefined,
  action: string,
): CloudResult<Doc[]> {
  if (queryType === 'DOC') {
    const id = docIdOf(query)
    if (!id.ok) return id
    const doc = caller.view.get(collection, id.value)
    return ok(doc ? [doc] : [])
  }
  const single = refuseInTransaction(caller, action)
  if (!single.ok) return single
  try {
    const cursor = find(caller.view.scan(collection), query)
    return ok((multi === false ? cursor.limit(1) : cursor).all() as Doc[])
  } catch (error) {
    return fail('DATABASE_REQUEST_FAILED', `invalid query: ${(error as Error).message}`)
  }
}

function touchesOpenid(update: Doc): boolean {
  if ('_openid' in update) return true
  return Object.entries(update).some(
    ([key, fields]) =>
      key.startsWith('$') &&
      isPlainObject(fields) &&
      Object.entries(fields).some(([path, target]) => path === '_openid' || path.startsWith('_openid.') || target === '_openid'),
  )
}

/** A page's set() replaces its document but keeps the platform-stamped owner. */
function keepOwner(caller: DbCaller, target: Doc, data: Doc): Doc {
  return caller.shopper && '_openid' in target ? { ...data, _openid: target._openid } : data
}
