// The CloudBase realtime WebSocket protocol at /ws (reference/cloud-emulation.md §5.2): LOGIN with
// the ticket from auth.wsWebSign, INIT_WATCH → INIT_EVENT, NEXT_EVENT on every commit that concerns
// a watch (from any path: admin, client, transactions, direct db.put), REBUILD_WATCH after a
// reconnect, CHECK_LAST → CHECK_EVENT, PING → PONG, CLOSE_WATCH, ERROR. Sessions outlive their
// socket so a client that reconnects can rebuild from its last event id.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { WebSocketServer, type WebSocket } from 'ws'
import { decodeDocument, type Doc } from './ejson'
import { allows, substituteOpenid, type CompiledRules } from './rulesQuery'
import type { Commit, Store } from './store'
import { WatchSession, type WatchEvent } from './watchSession'

/** Who a ticket (signStr) was issued to: a page's shopper, or server code (rules bypassed). */
export interface RealtimeIdentity {
  env: string
  openid?: string
}

export interface RealtimeOptions {
  store: Store
  rulesOf(env: string, collection: string): CompiledRules | undefined
  now(): number
}

interface Entry {
  session: WatchSession
  identity: RealtimeIdentity
  socket?: WebSocket
  watchId?: string
  detachedAt?: number
  /** No pushes before this (real clock ms): see HOLD_AFTER_REPLY_MS. */
  holdUntil: number
}

const MAX_TICKETS = 10_000
/**
 * The 1.4.3 client drops any message that arrives while it is still INITING/REBUILDING (it handles the
 * INIT_EVENT / REBUILD reply a few microtasks later). A push that lands in the same socket read as the
 * reply would be lost until the next CHECK_LAST, 10 s later; holding pushes briefly avoids that.
 */
const HOLD_AFTER_REPLY_MS = 20
/** Close code the client treats as final (no reconnect loop): CLOSE_EVENT_CODE.NoAuthentication. */
const SERVER_CLOSE_CODE = 3050
const MAX_DETACHED_SESSIONS = 1000

export class RealtimeServer {
  private readonly wss = new WebSocketServer({ noServer: true })
  private readonly tickets = new Map<string, RealtimeIdentity>()
  private readonly logins = new Map<WebSocket, RealtimeIdentity>()
  private readonly sessions = new Map<string, Entry>()
  private queryCounter = 0
  private pushCounter = 0
  private inFlight = 0
  private readonly drained: Array<() => void> = []

  constructor(private readonly options: RealtimeOptions) {
    options.store.onCommit((commit) => this.fanOut(commit))
  }

  /** auth.wsWebSign: a ticket the client presents in LOGIN. */
  issueTicket(identity: RealtimeIdentity): string {
    const signStr = randomBytes(16).toString('hex')
    this.tickets.set(signStr, identity)
    if (this.tickets.size > MAX_TICKETS) this.tickets.delete(this.tickets.keys().next().value as string)
    return signStr
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('message', (data) => this.onMessage(ws, data.toString()))
      ws.on('close', () => this.detach(ws))
      ws.on('error', () => ws.terminate())
    })
  }

  /** Fault knob: cut every connection now, as a network drop would (clients reconnect and rebuild). */
  dropConnections(): number {
    const sockets = [...this.wss.clients]
    for (const socket of sockets) socket.terminate()
    return sockets.length
  }

  quiet(): boolean {
    return this.inFlight === 0
  }

  /** Resolves when every queued push has been handed to the sockets. */
  async idle(): Promise<void> {
    if (this.inFlight === 0) return
    await new Promise<void>((resolve) => this.drained.push(resolve))
  }

  /** Every watch ends with an error (its view of the data is gone); connections stay up. */
  reset(): void {
    for (const entry of this.sessions.values()) {
      if (entry.socket)
        this.send(entry.socket, {
          watchId: entry.watchId,
          msgType: 'ERROR',
          msgData: { code: 'QUERYID_INVALID_ERROR', message: 'devcloud was reset; watch again' },
        })
    }
    this.sessions.clear()
  }

  /** Closes every connection with a code the client does not answer by reconnecting. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.wss.clients].map(
        (socket) =>
          new Promise<void>((resolve) => {
            const force = setTimeout(() => socket.terminate(), 1000)
            socket.once('close', () => {
              clearTimeout(force)
              resolve()
            })
            socket.close(SERVER_CLOSE_CODE, 'devcloud closed')
          }),
      ),
    )
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
  }

  private onMessage(ws: WebSocket, raw: string): void {
    let message: {
      requestId?: string
      watchId?: string
      msgType?: string
      msgData?: Record<string, unknown>
      exMsgData?: Record<string, unknown>
    }
    try {
      message = JSON.parse(raw)
    } catch {
      this.send(ws, { msgType: 'ERROR', msgData: { code: 'SYS_ERR', message: 'message is not JSON' } })
      return
    }
    const { requestId, watchId, msgType } = message
    const data = message.msgData ?? {}
    const error = (code: string, text: string) => this.send(ws, { watchId, requestId, msgType: 'ERROR', msgData: { code, message: text } })
    if (msgType === 'PING') return this.send(ws, { requestId, msgType: 'PONG', msgData: null })
    if (msgType === 'LOGIN') {
      const identity = this.tickets.get(String(message.exMsgData?.signStr ?? ''))
      if (!identity) return error('SIGN_INVALID_ERROR', 'unknown or expired ticket; call auth.wsWebSign again')
      this.logins.set(ws, identity)
      return this.send(ws, { requestId, msgType: 'LOGIN_RES', msgData: { envId: identity.env } })
    }
    const identity = this.logins.get(ws)
    if (!identity) return error('CHECK_LOGIN_FAILED', 'LOGIN first')
    switch (msgType) {
      case 'INIT_WATCH':
        return this.initWatch(ws, identity, requestId, watchId, data, error)
      case 'REBUILD_WATCH': {
        const entry = this.ownSession(data.queryID, identity)
        if (!entry) return error('QUERYID_INVALID_ERROR', `unknown queryID ${String(data.queryID)}`)
        const events = entry.session.eventsAfter(Number(data.eventID))
        if (!events) return error('QUERYID_INVALID_ERROR', 'events since this id are no longer kept; watch again')
        Object.assign(entry, { socket: ws, watchId, detachedAt: undefined, holdUntil: Date.now() + HOLD_AFTER_REPLY_MS })
        return this.send(ws, {
          watchId,
          requestId,
          msgType: 'NEXT_EVENT',
          msgData: { queryID: entry.session.spec.queryID, currEvent: entry.session.currEvent, events },
        })
      }
      case 'CHECK_LAST': {
        const entry = this.ownSession(data.queryID, identity)
        if (!entry) return error('QUERYID_INVALID_ERROR', `unknown queryID ${String(data.queryID)}`)
        return this.send(ws, {
          watchId,
          requestId,
          msgType: 'CHECK_EVENT',
          msgData: { queryID: entry.session.spec.queryID, currEvent: entry.session.currEvent },
        })
      }
      case 'CLOSE_WATCH':
        for (const [queryID, entry] of this.sessions) if (entry.socket === ws && entry.watchId === watchId) this.sessions.delete(queryID)
        return
      default:
        return error('SYS_ERR', `unsupported msgType ${String(msgType)}`)
    }
  }

  /** A watch session only answers the identity that opened it: another shopper's queryID is unknown. */
  private ownSession(queryID: unknown, identity: RealtimeIdentity): Entry | undefined {
    const entry = this.sessions.get(String(queryID))
    return entry && entry.identity.env === identity.env && entry.identity.openid === identity.openid ? entry : undefined
  }

  private initWatch(
    ws: WebSocket,
    identity: RealtimeIdentity,
    requestId: string | undefined,
    watchId: string | undefined,
    data: Record<string, unknown>,
    error: (code: string, text: string) => void,
  ): void {
    const collection = String(data.collName ?? '')
    if (data.envId !== undefined && data.envId !== identity.env)
      return error('INVALIID_ENV', `logged in to ${identity.env}, not ${String(data.envId)}`)
    if (!this.options.store.hasCollection(identity.env, collection))
      return error('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${collection}`)
    const query = parseWatchQuery(data.query, this.options.now())
    if (!query) return error('SYS_ERR', 'query is not valid (E)JSON')
    const effective = identity.openid === undefined ? query : substituteOpenid(query, identity.openid)
    if (identity.openid !== undefined) {
      const rules = this.options.rulesOf(identity.env, collection)
      const readable =
        rules !== undefined &&
        allows({ rules, operation: 'read', openid: identity.openid, now: this.options.now(), subject: { query: effective } })
      if (!readable)
        return error('COLLECTION_PERMISSION_DENIED', `Permission denied: the security rules of ${collection} do not allow this watch query`)
    }
    this.queryCounter += 1
    const session = new WatchSession({
      queryID: `devcloud-query-${this.queryCounter}`,
      env: identity.env,
      collection,
      query: effective,
      order: parseOrder(data.orderBy),
      limit: typeof data.limit === 'number' && data.limit > 0 ? data.limit : undefined,
    })
    const init = session.init(this.options.store.scan(identity.env, collection))
    if (init.kind === 'overflow') return error('SYS_ERR', 'the watch matches more than 5000 records')
    this.sessions.set(session.spec.queryID, { session, identity, socket: ws, watchId, holdUntil: Date.now() + HOLD_AFTER_REPLY_MS })
    this.send(ws, {
      watchId,
      requestId,
      msgType: 'INIT_EVENT',
      msgData: { queryID: session.spec.queryID, currEvent: session.currEvent, events: init.events },
    })
  }

  private fanOut(commit: Commit): void {
    for (const [queryID, entry] of this.sessions) {
      if (entry.session.spec.env !== commit.env) continue
      const update = entry.session.apply(commit.changes, () => this.options.store.scan(commit.env, entry.session.spec.collection))
      if (update.kind === 'overflow') {
        this.sessions.delete(queryID)
        if (entry.socket)
          this.send(entry.socket, {
            watchId: entry.watchId,
            msgType: 'ERROR',
            msgData: { code: 'SYS_ERR', message: 'the watch matches more than 5000 records' },
          })
        continue
      }
      if (update.events.length > 0 && entry.socket) this.push(entry, update.events)
    }
  }

  private push(entry: Entry, events: WatchEvent[]): void {
    this.pushCounter += 1
    const socket = entry.socket as WebSocket
    const message = {
      watchId: entry.watchId,
      requestId: `devcloud-push-${this.pushCounter}`,
      msgType: 'NEXT_EVENT',
      msgData: { queryID: entry.session.spec.queryID, currEvent: entry.session.currEvent, events },
    }
    // Delivered after the write's reply, as the platform does: a page sees its own write answered first.
    // Timers keep the pushes of one watch in order (equal or later deadlines fire later).
    this.inFlight += 1
    setTimeout(() => this.send(socket, message, () => this.settle()), Math.max(0, entry.holdUntil - Date.now()))
  }

  private send(ws: WebSocket, message: unknown, done?: () => void): void {
    if (ws.readyState !== ws.OPEN) {
      done?.()
      return
    }
    ws.send(JSON.stringify(message), () => done?.())
  }

  private settle(): void {
    this.inFlight -= 1
    if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve()
  }

  private detach(ws: WebSocket): void {
    this.logins.delete(ws)
    const now = Date.now()
    for (const entry of this.sessions.values()) {
      if (entry.socket === ws) Object.assign(entry, { socket: undefined, detachedAt: now })
    }
    const detached = [...this.sessions].filter(([, entry]) => entry.detachedAt !== undefined)
    for (const [queryID] of detached.slice(0, Math.max(0, detached.length - MAX_DETACHED_SESSIONS))) this.sessions.delete(queryID)
  }
}

/** `where(q).watch()` sends JSON of the EJSON string (double-encoded); `doc(id).watch()` sends JSON of `{_id}`. */
function parseWatchQuery(raw: unknown, now: number): Doc | undefined {
  if (typeof raw !== 'string') return raw === undefined ? {} : undefined
  let outer: unknown
  try {
    outer = JSON.parse(raw)
  } catch {
    return undefined
  }
  const decoded = decodeDocument(typeof outer === 'string' ? outer : JSON.stringify(outer ?? {}), now, 'watch query')
  return decoded.ok ? decoded.value : undefined
}

function parseOrder(raw: unknown): Record<string, 1 | -1> | undefined {
  if (raw === null || typeof raw !== 'object') return undefined
  const order: Record<string, 1 | -1> = {}
  for (const [field, direction] of Object.entries(raw)) order[field] = direction === 'desc' || direction === -1 ? -1 : 1
  return Object.keys(order).length > 0 ? order : undefined
}
