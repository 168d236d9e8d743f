// The H5 / node-test backend of CloudClient: the real @cloudbase/database query builder and realtime
// client, pointed at the local cloud's client path (`POST <url>/client` as the given shopper, rules
// enforced there) and its realtime socket. Imports nothing from Taro.
//
// @cloudbase/database 1.4.3 keeps its backends in process-global statics (Db.reqClass, Db.ws,
// Db.wsClass), and wx-server-sdk's node-sdk overwrites Db.reqClass whenever a function calls
// cloud.database(). So this module never leaves its request class installed: it swaps the statics
// in only while the builder constructs a query (construction is synchronous and captures the request
// object), which also lets several clients with different openids share one process. Each client
// owns its own realtime connection for the same reason.
import { Db } from '@cloudbase/database'
import type { CloudClient, WatchChange, WatchHandlers, WatchSnapshot, Watcher } from './types'

export interface CloudbaseClientOptions {
  /** The local cloud, e.g. http://127.0.0.1:8787 */
  url: string
  envId: string
  openid: string
  /** A WebSocket class: the browser's on H5, `ws` in node tests, a wx.connectSocket adapter on the weapp local build. */
  WebSocket: unknown
  /** How a JSON body is POSTed; `fetch` unless given (the weapp has wx.request instead). */
  post?: HttpPost
}

/** POSTs a JSON body and resolves with the HTTP status and the parsed reply; rejects when nothing answered. */
export type HttpPost = (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number; json: unknown }>

const fetchPost: HttpPost = async (url, body, headers) => {
  const response = await fetch(url, { method: 'POST', headers, body })
  return { status: response.status, json: response.ok ? await response.json() : null }
}

/** errCode a mini-program sees for each platform code (wx-server-sdk TCB_ERR_CODE). */
const ERR_CODES: Record<string, number> = {
  INVALID_PARAM: -501007,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
  FUNCTIONS_REQUEST_FAIL: -504001,
  FUNCTIONS_EXECUTE_FAIL: -504002,
}

export class CloudCallError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg)
    this.name = 'CloudCallError'
  }
}

interface Reply {
  code?: string
  message?: string
  errCode?: number
  data?: Record<string, unknown>
}

interface ClientState {
  url: string
  envId: string
  openid: string
  tag: string
  post: HttpPost
  WebSocket: SocketClass
  /** This client's realtime sockets that are not closed yet. */
  sockets: Set<EventSocket>
  watchers: number
}

type SocketClass = new (url: string) => unknown
type Statics = { reqClass: unknown; ws: unknown; wsClass: unknown }
const statics = Db as unknown as Statics

const CLIENT_STATE = '__devcloudClient'
/** wsUrl (tagged per client) → the client that asked for it. */
const socketOwners = new Map<string, ClientState>()
let clientCounter = 0

/** Db.wsClass is read asynchronously when the realtime client connects; dispatch by the tagged URL. */
function DevcloudSocket(url: string): unknown {
  const owner = socketOwners.get(url)
  const Impl = owner?.WebSocket ?? (globalThis as { WebSocket?: SocketClass }).WebSocket
  if (!Impl) throw new Error('no WebSocket implementation for the realtime client')
  const socket = new Impl(url) as EventSocket
  owner?.sockets.add(socket)
  return slimEvents(socket)
}

const CLOSED = 3
/** The SDK's own INIT_WATCH timeout. */
const INIT_WAIT_MS = 10_000

async function settledWithin(promise: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([
    promise,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs)
    }),
  ])
  clearTimeout(timer)
}

/** Resolves once every socket has finished closing (bounded: a dead peer must not hang the page). */
async function socketsClosed(sockets: Set<EventSocket>, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    for (const socket of sockets) if (socket.readyState === CLOSED) sockets.delete(socket)
    if (sockets.size === 0 || Date.now() > deadline) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

interface EventSocket {
  readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  onclose: ((event: { code: number; reason: string }) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
}

type Handler<E> = (event: E) => void

/**
 * The realtime client console.warns every socket event it gets; a node `ws` event drags the whole
 * socket into the log. Hand it events with only the fields it reads.
 */
function slimEvents(socket: EventSocket): unknown {
  return {
    get readyState() {
      return socket.readyState
    },
    send: (data: string) => socket.send(data),
    close: (code?: number, reason?: string) => socket.close(code, reason),
    set onopen(handler: Handler<unknown>) {
      socket.onopen = () => handler({ type: 'open' })
    },
    set onerror(handler: Handler<unknown>) {
      socket.onerror = (event) => handler({ type: 'error', message: (event as { message?: string })?.message })
    },
    set onclose(handler: Handler<{ code: number; reason: string }>) {
      socket.onclose = (event) => handler({ code: event.code, reason: event.reason })
    },
    set onmessage(handler: Handler<{ data: unknown }>) {
      socket.onmessage = (event) => handler({ data: event.data })
    },
  }
}

class DevcloudRequest {
  private readonly state: ClientState

  constructor(config: Record<string, unknown>) {
    this.state = config[CLIENT_STATE] as ClientState
  }

  async send(action: string, params: Record<string, unknown> = {}): Promise<Reply> {
    const reply = await post(this.state, { ...params, action, envName: this.state.envId })
    if (action === 'auth.wsWebSign' && typeof reply.data?.wsUrl === 'string') {
      // The cloud names its socket by the address it listens on; a phone on the LAN reaches it by
      // the address this client was given, so the socket goes there too.
      const wsUrl = reply.data.wsUrl.replace(/^wss?:\/\/[^/]+/, this.state.url.replace(/^http/, 'ws'))
      const tagged = `${wsUrl}${wsUrl.includes('?') ? '&' : '?'}client=${this.state.tag}`
      socketOwners.set(tagged, this.state)
      reply.data.wsUrl = tagged
    }
    return reply
  }
}

async function post(state: ClientState, body: Record<string, unknown>): Promise<Reply> {
  const response = await state.post(`${state.url}/client`, JSON.stringify(body), {
    'content-type': 'application/json',
    'x-devcloud-openid': state.openid,
  })
  if (response.status < 200 || response.status >= 300) return { code: 'SYS_ERR', message: `local cloud answered HTTP ${response.status}` }
  return response.json as Reply
}

function failure(api: string, reply: Reply): CloudCallError {
  const errCode = reply.errCode ?? ERR_CODES[reply.code ?? ''] ?? -501001
  return new CloudCallError(errCode, `${api}:fail ${errCode} ${reply.message ?? reply.code ?? 'unknown error'}`)
}

export function createCloudbaseClient(options: CloudbaseClientOptions): CloudClient {
  clientCounter += 1
  const state: ClientState = {
    url: options.url.replace(/\/+$/, ''),
    envId: options.envId,
    openid: options.openid,
    tag: String(clientCounter),
    post: options.post ?? fetchPost,
    WebSocket: options.WebSocket as SocketClass,
    sockets: new Set(),
    watchers: 0,
  }
  const db = new Db({ env: options.envId, [CLIENT_STATE]: state })
  let realtime: unknown

  /** Runs the builder with this client's backends installed, then puts the previous ones back. */
  function build<T>(construct: () => T): T {
    const saved = { reqClass: statics.reqClass, ws: statics.ws }
    statics.reqClass = DevcloudRequest
    statics.ws = realtime
    statics.wsClass = DevcloudSocket
    try {
      return construct()
    } finally {
      realtime = statics.ws
      statics.reqClass = saved.reqClass
      statics.ws = saved.ws
    }
  }

  return {
    async callFunction<T>(name: string, data: Record<string, unknown> = {}): Promise<T> {
      const reply = await post(state, {
        action: 'functions.invokeFunction',
        envName: state.envId,
        function_name: name,
        request_data: JSON.stringify(data),
      })
      if (reply.code) throw failure('cloud.callFunction', reply)
      return JSON.parse(String(reply.data?.response_data ?? 'null')) as T
    },

    async query<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
      const query = build(() => db.collection(collection).where(where))
      const reply = (await query.get()) as unknown as { code?: string; message?: string; errCode?: number; data: T[] }
      if (reply.code) throw failure('collection.get', { code: reply.code, message: reply.message, errCode: reply.errCode })
      return reply.data
    },

    watch<T>(collection: string, where: Record<string, unknown>, handlers: WatchHandlers<T>): Watcher {
      let first = true
      let failed = false
      let settle = () => undefined as void
      const started = new Promise<void>((resolve) => {
        settle = resolve
      })
      const listener = build(() =>
        db
          .collection(collection)
          .where(where)
          .watch({
            onChange(sdkSnapshot: unknown) {
              settle()
              const raw = sdkSnapshot as RawSnapshot<T>
              // The JS SDK sets type 'init' only on an empty first snapshot; the first one is the init.
              const snapshot: WatchSnapshot<T> = {
                id: raw.id,
                docs: raw.docs,
                docChanges: raw.docChanges.map(normaliseChange),
                isInit: first || raw.type === 'init',
              }
              first = false
              handlers.onChange(snapshot)
            },
            onError(error: unknown) {
              // The SDK hands every server ERROR message to onError, even the login/sign ones it then
              // retries by itself; only the final failure counts. It also reports a fatal error twice
              // (raw message, then wrapped); pass it on once.
              if (failed || RETRIED_BY_SDK.has((error as { msgData?: { code?: string } })?.msgData?.code ?? '')) return
              failed = true
              settle()
              handlers.onError(watchError(error))
            },
          }),
      )
      swallowAbortRejection(listener)
      state.watchers += 1
      let closed = false
      return {
        close: async () => {
          if (closed) return
          closed = true
          // 1.4.3 keeps initialising a watch closed mid-init and then re-arms its timers; let the
          // init finish (bounded) so close() really ends it.
          await settledWithin(started, INIT_WAIT_MS)
          await listener.close()
          stopAckTimer(listener)
          state.watchers -= 1
          // With its last watch gone the SDK closes the socket; resolve when that has happened.
          if (state.watchers === 0) await socketsClosed(state.sockets)
        },
      }
    },
  }
}

/** Realtime error codes the SDK answers by logging in again and retrying (virtual-websocket-client.ts). */
const RETRIED_BY_SDK = new Set(['CHECK_LOGIN_FAILED', 'SIGN_EXPIRED_ERROR', 'SIGN_INVALID_ERROR', 'SIGN_PARAM_INVALID'])

interface RawSnapshot<T> {
  id: number
  docs: T[]
  docChanges: Array<{
    id: number
    docId: string
    dataType: WatchChange<T>['dataType']
    queueType: WatchChange<T>['queueType']
    doc: T
    updatedFields?: Record<string, unknown>
    removedFields?: string[]
  }>
  type?: string
}

function normaliseChange<T>(change: RawSnapshot<T>['docChanges'][number]): WatchChange<T> {
  const normal: WatchChange<T> = {
    id: change.id,
    docId: change.docId,
    dataType: change.dataType,
    queueType: change.queueType,
    doc: change.doc,
  }
  if (change.updatedFields) normal.updatedFields = change.updatedFields
  if (change.removedFields) normal.removedFields = change.removedFields
  return normal
}

function watchError(error: unknown): Error {
  if (error instanceof Error) return error
  const raw = error as { msgData?: { code?: string; message?: string }; errMsg?: unknown; errCode?: unknown }
  if (raw?.msgData?.code) return new CloudCallError(-502003, `watch:fail ${raw.msgData.code} ${raw.msgData.message ?? ''}`.trim())
  return new Error(`watch:fail ${String(raw?.errMsg ?? JSON.stringify(error))}`)
}

/**
 * 1.4.3's closeWatch leaves the 10 s CHECK_LAST timer running, and that timer re-arms itself forever
 * once the watch is no longer active, which keeps a node process (and jest) from exiting.
 */
function stopAckTimer(listener: unknown): void {
  const virtual = (listener as { virtualClient?: { clearACKSchedule?: () => void; clearWaitExpectedEvent?: () => void } }).virtualClient
  virtual?.clearACKSchedule?.()
  virtual?.clearWaitExpectedEvent?.()
}

/**
 * 1.4.3's watch aborts a failed INIT_WATCH (e.g. COLLECTION_PERMISSION_DENIED) by calling onError
 * and then rejecting a promise nobody awaits — an unhandled rejection that fails a jest test and
 * kills a default node process. The error has already reached onError, so settle that promise quietly.
 */
function swallowAbortRejection(listener: unknown): void {
  type Options = { resolve: () => void; reject: (error: unknown) => void }
  const virtual = (listener as { virtualClient?: { handleWatchEstablishmentError?: (error: unknown, options: Options) => unknown } })
    .virtualClient
  const original = virtual?.handleWatchEstablishmentError
  if (!virtual || typeof original !== 'function') return
  virtual.handleWatchEstablishmentError = (error, options) => original(error, { ...options, reject: () => options.resolve() })
}
