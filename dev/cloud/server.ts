// One HTTP server, one port: POST /admin (server SDK), POST /client (pages), /ws (realtime),
// /devcloud/v1/… (emulator REST), and everything else through the HTTP access routes.
// Every reply says `Connection: close`: node-sdk keeps sockets alive outside SCF, which otherwise
// holds a test process open for ~5 s after it is done (reference/cloud-emulation.md §1.6).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { dispatch, type ActionDeps, type Caller } from './actions'
import { handleAdminRest, type AdminRestDeps } from './adminApi'
import type { HttpRoute } from './config'
import { fail, type CloudFailure } from './errors'
import type { FunctionHost } from './functionHost'
import { fromFunctionResult, hasCredentials, matchRoute, MAX_BODY_BYTES, toIntegrationEvent } from './httpAccess'
import { boundaryOf, parseMultipart } from './multipart'
import type { RealtimeServer } from './realtime'

/** SDK request bodies larger than this are refused (the platform's output packet limit is 16 MB). */
const MAX_SDK_BODY_BYTES = 16 * 1024 * 1024
/** getWXContext().SOURCE for HTTP access calls; the platform's value is UNVERIFIED (reference/wechat.md §9.1). */
export const HTTP_ACCESS_SOURCE = 'http'

export interface ServerDeps {
  actions: ActionDeps
  admin: AdminRestDeps
  functions: FunctionHost
  realtime: RealtimeServer
  routes: readonly HttpRoute[]
  envId: string
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type, x-devcloud-openid, authorization, x-cloudbase-credentials',
  'access-control-max-age': '600',
}

export class DevCloudServer {
  readonly http: Server
  private inFlight = 0
  private readonly drained: Array<() => void> = []

  constructor(private readonly deps: ServerDeps) {
    this.http = createServer((request, response) => this.track(this.route(request, response), response))
    this.http.on('upgrade', (request, socket, head) => {
      if (new URL(request.url ?? '/', 'http://devcloud').pathname === '/ws') deps.realtime.handleUpgrade(request, socket, head)
      else socket.destroy()
    })
  }

  quiet(): boolean {
    return this.inFlight === 0
  }

  /** Resolves when no HTTP request is being handled. */
  async idle(): Promise<void> {
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.drained.push(resolve))
  }

  private track(handling: Promise<void>, response: ServerResponse): void {
    this.inFlight += 1
    handling
      .catch((error: unknown) => {
        // A bug in the emulator: report it as the platform's system error, never crash.
        console.error('[devcloud] internal error', error)
        if (!response.headersSent)
          reply(response, 500, { code: 'SYS_ERR', message: `devcloud internal error: ${(error as Error).message}` })
      })
      .finally(() => {
        this.inFlight -= 1
        if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve()
      })
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://devcloud')
    if (request.method === 'OPTIONS') return void response.writeHead(204, { ...CORS, connection: 'close' }).end()
    if (url.pathname === '/admin' || url.pathname === '/client') {
      if (request.method !== 'POST') return reply(response, 405, { code: 'INVALID_PARAM', message: 'use POST' })
      const body = await readBody(request, MAX_SDK_BODY_BYTES)
      if (body === 'too-large') return reply(response, 413, { code: 'INVALID_PARAM', message: 'request body too large' })
      return this.sdkRequest(url.pathname === '/admin', request, body, response)
    }
    if (url.pathname.startsWith('/devcloud/v1/')) {
      const body = await readBody(request, MAX_SDK_BODY_BYTES)
      if (body === 'too-large') return reply(response, 413, { error: { code: 'REQUEST_ENTITY_TOO_LARGE', message: 'body too large' } })
      const answer = await handleAdminRest(this.deps.admin, request.method ?? 'GET', url, body)
      return reply(response, answer.status, answer.body)
    }
    return this.httpAccess(request, url, response)
  }

  private async sdkRequest(admin: boolean, request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    const requestId = randomBytes(8).toString('hex')
    const params = parseSdkBody(request.headers['content-type'], body)
    if ('code' in params) return reply(response, 200, { requestId, code: params.code, message: params.message })
    let caller: Caller
    if (admin) {
      caller = { kind: 'admin', token: typeof params.wxCloudApiToken === 'string' ? params.wxCloudApiToken : undefined }
    } else {
      const openid = request.headers['x-devcloud-openid']
      if (typeof openid !== 'string' || openid.trim() === '') {
        return reply(response, 200, {
          requestId,
          code: 'DATABASE_PERMISSION_DENIED',
          message: 'no caller: the client path needs an x-devcloud-openid header',
        })
      }
      caller = { kind: 'client', openid }
    }
    const result = await dispatch(this.deps.actions, caller, params)
    if (!result.ok) {
      const failure: CloudFailure = result
      return reply(response, 200, {
        requestId,
        code: failure.code,
        message: failure.message,
        ...(failure.errCode === undefined ? {} : { errCode: failure.errCode }),
      })
    }
    if (result.value.kind === 'binary') {
      response.writeHead(200, { ...CORS, 'content-type': 'application/octet-stream', connection: 'close' }).end(result.value.body)
      return
    }
    return reply(response, 200, { requestId, ...result.value.body })
  }

  private async httpAccess(request: IncomingMessage, url: URL, response: ServerResponse): Promise<void> {
    const route = matchRoute(this.deps.routes, url.pathname)
    if (!route) return reply(response, 404, { code: 'ROUTE_NOT_FOUND', message: `no HTTP access route for ${url.pathname}` })
    const body = await readBody(request, MAX_BODY_BYTES)
    if (body === 'too-large')
      return reply(response, 413, {
        code: 'REQUEST_ENTITY_TOO_LARGE',
        message: `body over ${MAX_BODY_BYTES} bytes (the SCF synchronous event limit)`,
      })
    const event = toIntegrationEvent({ method: request.method ?? 'GET', url, rawHeaders: request.rawHeaders, body }, this.deps.envId)
    if (route.auth && !hasCredentials(event.headers)) {
      return reply(response, 401, { code: 'MISSING_CREDENTIALS', message: 'this route requires Authorization: Bearer <token>' })
    }
    const result = await this.deps.functions.invoke({ name: route.function, env: this.deps.envId, event, source: HTTP_ACCESS_SOURCE })
    if (!result.ok) return reply(response, 502, { code: result.code, message: result.message })
    const mapped = fromFunctionResult(result.value)
    response.writeHead(mapped.status, { ...CORS, ...mapped.headers, connection: 'close' }).end(mapped.body)
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...CORS, 'content-type': 'application/json; charset=utf-8', connection: 'close' }).end(JSON.stringify(body))
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Past the limit the rest is read and dropped, so the client gets its 413 instead of a reset socket.
      if (size > limit) refused = true
      else chunks.push(chunk)
    })
    request.on('end', () => resolve(refused ? 'too-large' : Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

/** JSON for database/functions actions; multipart/form-data for wx.openApi (binary requestData). */
function parseSdkBody(contentType: string | undefined, body: Buffer): Record<string, unknown> | CloudFailure {
  if (contentType?.startsWith('multipart/form-data')) {
    const boundary = boundaryOf(contentType)
    if (!boundary) return fail('INVALID_PARAM', 'multipart body without boundary')
    const form = parseMultipart(body, boundary)
    if (!form.ok) return fail('INVALID_PARAM', form.message)
    const params: Record<string, unknown> = {}
    for (const part of form.parts) params[part.name] = part.name === 'requestData' ? part.value : part.value.toString('utf8')
    return params
  }
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'))
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>
  } catch {
    // fall through
  }
  return fail('INVALID_PARAM', 'request body is not a JSON object')
}
