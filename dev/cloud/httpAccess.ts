// HTTP 访问服务: a route maps a path prefix to a normal cloud function; the request becomes the
// "集成请求" event and the function's return value becomes the response (reference/wechat.md §1.9).
import { randomBytes } from 'node:crypto'
import type { HttpRoute } from './config'
import { isPlainObject } from './ejson'

/**
 * Largest request body accepted: 6 MB, the SCF limit for a synchronous invocation's event
 * (reference/wechat.md §1.5, "Sync event / response size 6 MB at the SCF layer").
 */
export const MAX_BODY_BYTES = 6 * 1024 * 1024

/** A route `/test` also serves `/test/a` (segment boundary); the longest matching route wins. */
export function matchRoute(routes: readonly HttpRoute[], pathname: string): HttpRoute | undefined {
  let best: HttpRoute | undefined
  for (const route of routes) {
    const prefix = route.path.length > 1 ? route.path.replace(/\/+$/, '') : route.path
    const matches = pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)
    if (matches && (!best || prefix.length > best.path.replace(/\/+$/, '').length)) best = route
  }
  return best
}

export interface IncomingHttp {
  method: string
  url: URL
  /** Raw header pairs as received (name, value, name, value…). */
  rawHeaders: string[]
  body: Buffer
}

export interface IntegrationEvent {
  path: string
  httpMethod: string
  headers: Record<string, string>
  multiValueHeaders: Record<string, string[]>
  queryStringParameters: Record<string, string>
  requestContext: { requestId: string; envId: string; appId: number; uin: number }
  body: string
  isBase64Encoded: boolean
}

/** Placeholder account numbers: the real gateway fills in the owner's numeric appId and uin. */
const FAKE_APP_ID = 1_000_000_001
const FAKE_UIN = 1_000_000_002

const TEXT_TYPE = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|[^;]*\+(json|xml))/i

export function toIntegrationEvent(request: IncomingHttp, envId: string): IntegrationEvent {
  const headers: Record<string, string> = {}
  const multiValueHeaders: Record<string, string[]> = {}
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const [rawName, value] = [request.rawHeaders[i], request.rawHeaders[i + 1]]
    if (rawName === undefined || value === undefined) break
    const name = rawName.toLowerCase()
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value]
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`
  }
  const queryStringParameters: Record<string, string> = {}
  for (const [key, value] of request.url.searchParams) queryStringParameters[key] = value
  const contentType = headers['content-type']
  const binary = request.body.length > 0 && !(contentType !== undefined && TEXT_TYPE.test(contentType))
  return {
    path: request.url.pathname,
    httpMethod: request.method.toUpperCase(),
    headers,
    multiValueHeaders,
    queryStringParameters,
    requestContext: { requestId: randomBytes(16).toString('hex'), envId, appId: FAKE_APP_ID, uin: FAKE_UIN },
    body: binary ? request.body.toString('base64') : request.body.toString('utf8'),
    isBase64Encoded: binary,
  }
}

export interface HttpReply {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/**
 * string/number → 200 text/plain; `{statusCode, headers, body, isBase64Encoded}` → as given; any
 * other object → 200 JSON. Telling an integration response apart by a numeric `statusCode` is
 * UNVERIFIED (reference/wechat.md §1.9).
 */
export function fromFunctionResult(result: unknown): HttpReply {
  if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(String(result)) }
  }
  if (result === null || result === undefined)
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.alloc(0) }
  if (isPlainObject(result) && typeof result.statusCode === 'number') {
    const headers: Record<string, string> = {}
    if (isPlainObject(result.headers))
      for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = String(value)
    const body = typeof result.body === 'string' ? result.body : result.body === undefined ? '' : JSON.stringify(result.body)
    return { status: result.statusCode, headers, body: Buffer.from(body, result.isBase64Encoded === true ? 'base64' : 'utf8') }
  }
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(result)) }
}

/** Per-route 身份认证: `Authorization: Bearer …` (or the older x-cloudbase-credentials) must be present. */
export function hasCredentials(headers: Record<string, string>): boolean {
  return /^Bearer\s+\S+/i.test(headers.authorization ?? '') || (headers['x-cloudbase-credentials'] ?? '').trim() !== ''
}
