// The action dispatcher behind `POST /admin` (server SDK: functions and tools, rules bypassed) and
// `POST /client` (pages, as a shopper: rules enforced, client limits, _openid stamped).
import { z } from 'zod'
import { calculateDocument, aggregateDocuments, getDocument } from './dbRead'
import { insertDocument, modifyAndReturnDoc, modifyDocument, removeDocument } from './dbWrite'
import { parseParams, type DbCaller } from './dbParams'
import { fail, ok, type CloudResult } from './errors'
import type { FunctionHost } from './functionHost'
import { DEV_APPID } from './functionHost'
import type { FaultState } from './faults'
import { decodeRequestData, NO_PERMISSION, openApiError, openApiReply, type OpenApiCall } from './openApi'
import type { RealtimeServer } from './realtime'
import type { CompiledRules } from './rulesQuery'
import type { Store } from './store'
import { storeView, type Transactions } from './transactions'
import { wechatAnswer } from './wechatOpenApi'

export type Caller = { kind: 'admin'; token?: string } | { kind: 'client'; openid: string }

export interface ActionDeps {
  store: Store
  transactions: Transactions
  functions: FunctionHost
  realtime: RealtimeServer
  rules: ReadonlyMap<string, CompiledRules>
  openApiCalls: OpenApiCall[]
  /** The openapi fault knob (POST /devcloud/v1/faults/openapi). */
  faults: Pick<FaultState, 'openApiFault'>
  now(): number
  defaultEnv: string
  wsUrl(): string
}

/** A JSON reply (spread into `{requestId, …}`), or the raw protobuf body `wx.openApi` answers with. */
export type ActionReply = { kind: 'json'; body: Record<string, unknown> } | { kind: 'binary'; body: Buffer }

type DbAction = (caller: DbCaller, params: unknown) => CloudResult<Record<string, unknown>>

const DATABASE_ACTIONS: Record<string, DbAction> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
}

/** Env ids that can never be a production environment (the Firebase "demo-" idea). */
export const SAFE_ENV = /^(dev|test)-[\w-]+$/

export async function dispatch(deps: ActionDeps, caller: Caller, params: Record<string, unknown>): Promise<CloudResult<ActionReply>> {
  const action = params.action
  if (typeof action !== 'string') return fail('INVALID_PARAM', 'missing action')
  const envName = typeof params.envName === 'string' && params.envName !== '' ? params.envName : deps.defaultEnv
  if (!SAFE_ENV.test(envName)) return fail('INVALIID_ENV', `env "${envName}" is not a dev- or test- env; devcloud never serves other envs`)
  const json = (result: CloudResult<Record<string, unknown>>): CloudResult<ActionReply> =>
    result.ok ? ok({ kind: 'json', body: result.value }) : result

  const dbAction = DATABASE_ACTIONS[action]
  if (dbAction) {
    const dbCaller = makeDbCaller(deps, caller, envName, params.transactionId)
    return json(dbCaller.ok ? dbAction(dbCaller.value, params) : dbCaller)
  }
  switch (action) {
    case 'database.startTransaction':
    case 'database.commitTransaction':
    case 'database.abortTransaction':
      if (caller.kind === 'client') return fail('DATABASE_PERMISSION_DENIED', 'transactions are available to cloud functions only')
      return json(transaction(deps, action, envName, params.transactionId))
    case 'database.addCollection': {
      if (caller.kind === 'client') return fail('DATABASE_PERMISSION_DENIED', 'collections cannot be created from a page')
      const name = parseParams(z.object({ collectionName: z.string().min(1) }), params, action)
      if (!name.ok) return name
      const created = deps.store.addCollection(envName, name.value.collectionName)
      if (!created.ok) return created
      return created.value === 'exists'
        ? fail('DATABASE_REQUEST_FAILED', `Table exist: ${name.value.collectionName}`)
        : ok({ kind: 'json', body: {} })
    }
    case 'functions.invokeFunction':
      return json(await invokeFunction(deps, caller, envName, params))
    case 'wx.openApi':
      if (caller.kind === 'client') return fail('DATABASE_PERMISSION_DENIED', 'cloud calls (openapi) are available to cloud functions only')
      return openApi(deps, caller, params, envName)
    case 'auth.wsWebSign': {
      const signStr = deps.realtime.issueTicket({ env: envName, openid: caller.kind === 'client' ? caller.openid : undefined })
      return ok({ kind: 'json', body: { data: { signStr, wsUrl: deps.wsUrl(), secretVersion: 1, envId: envName } } })
    }
    default:
      return fail('INVALID_PARAM', `devcloud: unsupported action ${action}`)
  }
}

function makeDbCaller(deps: ActionDeps, caller: Caller, env: string, transactionId: unknown): CloudResult<DbCaller> {
  let view = storeView(deps.store, env)
  if (transactionId !== undefined) {
    if (caller.kind === 'client') return fail('DATABASE_PERMISSION_DENIED', 'transactions are available to cloud functions only')
    if (typeof transactionId !== 'string') return fail('INVALID_PARAM', 'transactionId must be a string')
    const txView = deps.transactions.view(env, transactionId)
    if (!txView.ok) return txView
    view = txView.value
  }
  return ok({
    env,
    now: deps.now(),
    shopper: caller.kind === 'client' ? { openid: caller.openid } : undefined,
    rulesOf: (collection) => deps.rules.get(collection),
    view,
  })
}

function transaction(deps: ActionDeps, action: string, env: string, transactionId: unknown): CloudResult<Record<string, unknown>> {
  if (action === 'database.startTransaction') return ok({ transactionId: deps.transactions.start(env) })
  if (typeof transactionId !== 'string') return fail('INVALID_PARAM', `${action}: transactionId is required`)
  const done =
    action === 'database.commitTransaction' ? deps.transactions.commit(env, transactionId) : deps.transactions.abort(env, transactionId)
  return done.ok ? ok({}) : done
}

const invokeParams = z.object({ function_name: z.string().min(1), request_data: z.string().optional() })

async function invokeFunction(
  deps: ActionDeps,
  caller: Caller,
  env: string,
  params: unknown,
): Promise<CloudResult<Record<string, unknown>>> {
  const parsed = parseParams(invokeParams, params, 'functions.invokeFunction')
  if (!parsed.ok) return parsed
  let data: unknown = {}
  if (parsed.value.request_data) {
    try {
      data = JSON.parse(parsed.value.request_data)
    } catch {
      return fail('INVALID_PARAM', 'functions.invokeFunction: request_data is not JSON')
    }
  }
  let openid: string | undefined
  let source: string
  if (caller.kind === 'client') {
    openid = caller.openid
    source = 'wx_client'
  } else {
    // A nested call: the platform chains SOURCE (wx_client,scf). Passing the caller's OPENID on is the
    // emulator's choice; whether production does is UNVERIFIED (reference/cloud-emulation.md §6.1).
    const parent = deps.functions.identityOf(caller.token)
    openid = parent?.openid
    source = parent ? `${parent.source},scf` : 'scf'
  }
  const event = openid === undefined || !isObject(data) ? data : { ...data, userInfo: { appId: DEV_APPID, openId: openid } }
  const result = await deps.functions.invoke({ name: parsed.value.function_name, env, event, source, openid })
  if (!result.ok) return result
  return ok({ data: { response_data: JSON.stringify(result.value) } })
}

function openApi(deps: ActionDeps, caller: Caller, params: Record<string, unknown>, envName: string): CloudResult<ActionReply> {
  const api = params.apiName
  const requestData = params.requestData
  if (typeof api !== 'string' || !Buffer.isBuffer(requestData))
    return fail('INVALID_PARAM', 'wx.openApi needs apiName and binary requestData (multipart)')
  const decoded = decodeRequestData(requestData)
  if (!decoded.ok) return fail('INVALID_PARAM', `wx.openApi: ${decoded.message}`)
  const identity = caller.kind === 'admin' ? deps.functions.identityOf(caller.token) : undefined
  if (identity) {
    const config = deps.functions.config(identity.functionName)
    if (config.ok && !config.value.openapi.includes(api)) return ok({ kind: 'binary', body: openApiError(NO_PERMISSION) })
  }
  const injected = deps.faults.openApiFault(api)
  const answer =
    injected === undefined
      ? wechatAnswer(api, decoded.data, {
          payerOf: (id) => payerOf(deps, envName, id),
          past: deps.openApiCalls,
          sequence: deps.openApiCalls.length + 1,
        })
      : { errcode: injected, errmsg: 'devcloud fault (injected)' }
  deps.openApiCalls.push({
    api,
    data: decoded.data,
    ...(identity ? { caller: { functionName: identity.functionName, openid: identity.openid } } : {}),
    errcode: answer.errcode,
  })
  return ok({ kind: 'binary', body: openApiReply(answer) })
}

/** devcloud's stand-in for WeChat Pay's records: a transaction exists when an order of the env carries
 * it as `payment.transactionId` (the simulated provider "paid" it); its payer is the order's owner. */
function payerOf(deps: ActionDeps, envName: string, transactionId: string): string | undefined {
  if (transactionId === '' || !deps.store.hasCollection(envName, 'orders')) return undefined
  const order = deps.store.scan(envName, 'orders').find((doc) => isObject(doc.payment) && doc.payment.transactionId === transactionId)
  return typeof order?._openid === 'string' ? order._openid : undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
