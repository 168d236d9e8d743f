// database.getDocument / calculateDocument / aggregateDocuments. Queries run on mingo, which matched
// Mongo semantics in every operator case the SDK emits (reference/cloud-emulation.md §4.2).
import { Aggregator, find } from 'mingo'
import { z } from 'zod'
import { decodeDocument, decodeEjson, encodeDocument, isPlainObject, type Doc } from './ejson'
import { runSimplePipeline } from './groupStage'
import { matching, sortedByNumbers } from './simpleMatch'
import { indexAdvisor } from './indexAdvisor'
import { fail, ok, type CloudResult } from './errors'
import {
  authorize,
  docIdOf,
  openQuery,
  parseParams,
  queryParams,
  refuseInTransaction,
  requireCollection,
  collectionParams,
  type DbCaller,
} from './dbParams'

/** Server SDK: no limit means 100, at most 1000 (@cloudbase/database query.ts); pages: 20 and 20 (Collection.limit docs). */
export const ADMIN_DEFAULT_LIMIT = 100
export const ADMIN_MAX_LIMIT = 1000
export const CLIENT_MAX_LIMIT = 20

const getParams = queryParams.extend({
  order: z.string().optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).optional(),
  projection: z.string().optional(),
})

export function getDocument(caller: DbCaller, params: unknown): CloudResult<{ data: { list: string[] } }> {
  const opened = openQuery(caller, getParams, params, 'database.getDocument')
  if (!opened.ok) return opened
  const { params: p, query } = opened.value
  const allowed = authorize(caller, p.collectionName, 'read', { query })
  if (!allowed.ok) return allowed
  const projection = p.projection === undefined ? undefined : decodeDocument(p.projection, caller.now, 'projection')
  if (projection && !projection.ok) return projection

  let docs: Doc[]
  if (p.queryType === 'DOC') {
    const id = docIdOf(query)
    if (!id.ok) return id
    const doc = caller.view.get(p.collectionName, id.value)
    docs = doc ? [doc] : []
  } else {
    const single = refuseInTransaction(caller, 'database.getDocument')
    if (!single.ok) return single
    docs = caller.view.scan(p.collectionName)
  }
  const order = p.order === undefined ? undefined : decodeOrder(p.order, caller.now)
  if (order && !order.ok) return order
  const limit = caller.shopper
    ? Math.min(p.limit ?? CLIENT_MAX_LIMIT, CLIENT_MAX_LIMIT)
    : Math.min(p.limit ?? ADMIN_DEFAULT_LIMIT, ADMIN_MAX_LIMIT)
  try {
    const selected = matching(docs, query)
    const sorted = order ? sortedByNumbers(selected, order.value) : selected
    let cursor = find(sorted ?? selected, {}, projection?.value)
    if (order && !sorted) cursor = cursor.sort(order.value)
    const list = cursor
      .skip(p.offset ?? 0)
      .limit(limit)
      .all() as Doc[]
    return ok({ data: { list: list.map(encodeDocument) } })
  } catch (error) {
    return fail('DATABASE_REQUEST_FAILED', `invalid query: ${(error as Error).message}`)
  }
}

export function calculateDocument(caller: DbCaller, params: unknown): CloudResult<{ data: { total: number } }> {
  const opened = openQuery(caller, queryParams, params, 'database.calculateDocument')
  if (!opened.ok) return opened
  const { params: p, query } = opened.value
  const single = refuseInTransaction(caller, 'database.calculateDocument')
  if (!single.ok) return single
  const allowed = authorize(caller, p.collectionName, 'read', { query })
  if (!allowed.ok) return allowed
  try {
    return ok({ data: { total: matching(caller.view.scan(p.collectionName), query).length } })
  } catch (error) {
    return fail('DATABASE_REQUEST_FAILED', `invalid query: ${(error as Error).message}`)
  }
}

const aggregateParams = collectionParams.extend({
  stages: z.array(z.object({ stageKey: z.string().startsWith('$'), stageValue: z.string() })),
})

export function aggregateDocuments(caller: DbCaller, params: unknown): CloudResult<{ data: { list: string[] } }> {
  const parsed = parseParams(aggregateParams, params, 'database.aggregateDocuments')
  if (!parsed.ok) return parsed
  const { collectionName, stages } = parsed.value
  const exists = requireCollection(caller, collectionName)
  if (!exists.ok) return exists
  const single = refuseInTransaction(caller, 'database.aggregateDocuments')
  if (!single.ok) return single
  const pipeline: Doc[] = []
  for (const stage of stages) {
    const value = decodeEjson(stage.stageValue, caller.now, `${stage.stageKey} stage`)
    if (!value.ok) return value
    pipeline.push({ [stage.stageKey]: value.value })
  }
  // A page's aggregate may only read what its first $match proves it may read.
  const firstMatch = isPlainObject(pipeline[0]?.$match) ? (pipeline[0].$match as Doc) : {}
  const allowed = authorize(caller, collectionName, 'read', { query: firstMatch })
  if (!allowed.ok) return allowed
  indexAdvisor().check(collectionName, firstMatch)
  try {
    const simple = runSimplePipeline(pipeline, caller.view.scan(collectionName))
    if (simple) return ok({ data: { list: simple.map(encodeDocument) } })
    const aggregator = new Aggregator(pipeline, {
      // $lookup reads other collections of the same env (functions only: shoppers cannot pass rules for them).
      collectionResolver: (name: string) => (caller.view.exists(name) && !caller.shopper ? caller.view.scan(name) : []),
    })
    const list = aggregator.run(caller.view.scan(collectionName)) as Doc[]
    return ok({ data: { list: list.map(encodeDocument) } })
  } catch (error) {
    return fail('DATABASE_REQUEST_FAILED', `aggregate failed: ${(error as Error).message}`)
  }
}

function decodeOrder(text: string, now: number): CloudResult<Record<string, 1 | -1>> {
  const decoded = decodeDocument(text, now, 'order')
  if (!decoded.ok) return decoded
  const order: Record<string, 1 | -1> = {}
  for (const [field, direction] of Object.entries(decoded.value)) {
    if (direction !== 1 && direction !== -1) return fail('INVALID_PARAM', `order direction for ${field} must be 1 or -1`)
    order[field] = direction
  }
  return ok(order)
}
