// The parameters of the `database.*` actions as @cloudbase/database 1.4.3 builds them (captured in
// test/contract/wire), validated at the edge, and what every action shares: who asks, what it may see.
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { decodeDocument, type Doc } from './ejson'
import { collectionMissing, fail, ok, type CloudResult } from './errors'
import { indexAdvisor } from './indexAdvisor'
import { allows, substituteOpenid, type CompiledRules, type RuleOperation } from './rulesQuery'
import type { DbView } from './transactions'

export const collectionParams = z.object({
  collectionName: z.string().min(1),
  transactionId: z.string().optional(),
})

export const queryParams = collectionParams.extend({
  query: z.string().optional(),
  queryType: z.enum(['DOC', 'WHERE']).optional(),
  multi: z.boolean().optional(),
})

/** The caller of an action: a cloud function or the console (rules bypassed), or a shopper's page. */
export interface DbCaller {
  env: string
  now: number
  /** Set on the client path only; security rules apply exactly when it is set. */
  shopper?: { openid: string }
  rulesOf(collection: string): CompiledRules | undefined
  view: DbView
}

export function parseParams<T extends z.ZodType>(schema: T, params: unknown, action: string): CloudResult<z.infer<T>> {
  const parsed = schema.safeParse(params)
  if (parsed.success) return ok(parsed.data)
  const [issue] = parsed.error.issues
  return fail('INVALID_PARAM', `${action}: ${issue?.path.join('.') || 'params'} ${issue?.message ?? 'invalid'}`)
}

export function requireCollection(caller: DbCaller, collection: string): CloudResult<void> {
  return caller.view.exists(collection) ? ok(undefined) : collectionMissing(collection)
}

/** The decoded query, with `'{openid}'` filled in for shoppers. */
export function decodeQuery(caller: DbCaller, query: string | undefined): CloudResult<Doc> {
  if (query === undefined) return ok({})
  const decoded = decodeDocument(query, caller.now, 'query')
  if (!decoded.ok || !caller.shopper) return decoded
  return ok(substituteOpenid(decoded.value, caller.shopper.openid))
}

/** What every query action starts with, in this order (it decides which error a bad request gets):
 * valid params, an existing collection, the decoded query with `'{openid}'` filled in for shoppers. */
export function openQuery<T extends z.ZodType<{ collectionName: string; query?: string }>>(
  caller: DbCaller,
  schema: T,
  params: unknown,
  action: string,
): CloudResult<{ params: z.infer<T>; query: Doc }> {
  const parsed = parseParams(schema, params, action)
  if (!parsed.ok) return parsed
  const exists = requireCollection(caller, parsed.value.collectionName)
  if (!exists.ok) return exists
  const query = decodeQuery(caller, parsed.value.query)
  if (!query.ok) return query
  indexAdvisor().check(parsed.value.collectionName, query.value)
  return ok({ params: parsed.value, query: query.value })
}

/** Applies the collection's security rule for shoppers; functions and the console bypass rules. */
export function authorize(
  caller: DbCaller,
  collection: string,
  operation: RuleOperation,
  subject: { query: Doc } | { document: Doc },
  requestData?: Doc,
): CloudResult<void> {
  if (!caller.shopper) return ok(undefined)
  const rules = caller.rulesOf(collection)
  const allowed = rules !== undefined && allows({ rules, operation, openid: caller.shopper.openid, now: caller.now, subject, requestData })
  return allowed
    ? ok(undefined)
    : fail(
        'DATABASE_PERMISSION_DENIED',
        `Permission denied: ${operation} on ${collection} is not allowed by its security rules for this query`,
      )
}

export function refuseInTransaction(caller: DbCaller, action: string): CloudResult<void> {
  return caller.view.inTransaction
    ? fail('INVALID_PARAM', `${action}: transactions support single-document (doc) operations only`)
    : ok(undefined)
}

/** CloudBase ids are 32 hex characters. */
export function newDocumentId(): string {
  return randomBytes(16).toString('hex')
}

export function docIdOf(query: Doc): CloudResult<string | number> {
  const id = query._id
  return typeof id === 'string' || typeof id === 'number' ? ok(id) : fail('INVALID_PARAM', 'a DOC query needs a string or number _id')
}
