// What the @cloudbase/database client needs from a browser, made of the weapp's own APIs: a JSON
// POST over wx.request, and a WebSocket over wx.connectSocket. Only the local build uses them (a
// release build talks to wx.cloud), so the local cloud's realtime protocol reaches the simulator and
// a phone through the same client the H5 build runs.
import type { HttpPost } from '../cloudbaseClient'

/** The parts of `wx` used here (the base library's names and shapes). */
export interface WxNetwork {
  request(options: {
    url: string
    method: 'GET' | 'POST'
    data?: string
    header?: Record<string, string>
    dataType?: 'json' | 'text'
    timeout?: number
    success(result: { statusCode: number; data: unknown }): void
    fail(error: { errMsg: string }): void
  }): unknown
  connectSocket(options: { url: string; fail?(error: { errMsg: string }): void }): WxSocketTask
}

export interface WxSocketTask {
  send(options: { data: string }): void
  close(options: { code?: number; reason?: string }): void
  onOpen(listener: () => void): void
  onMessage(listener: (message: { data: unknown }) => void): void
  onError(listener: (error: { errMsg: string }) => void): void
  onClose(listener: (event: { code: number; reason: string }) => void): void
}

/** Nothing answered (refused, unreachable, timed out): the local cloud is not there. */
export class LocalCloudUnreachable extends Error {
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`local cloud unreachable at ${url}: ${detail}`)
    this.name = 'LocalCloudUnreachable'
  }
}

const REQUEST_TIMEOUT_MS = 15_000

export function wxPost(network: WxNetwork): HttpPost {
  return (url, body, headers) =>
    new Promise((resolve, reject) => {
      network.request({
        url,
        method: 'POST',
        data: body,
        header: headers,
        dataType: 'json',
        timeout: REQUEST_TIMEOUT_MS,
        success: (result) => {
          // Something answered that is not the local cloud (a wrong LOCAL_CLOUD_URL): not reachable either.
          if (result.statusCode !== 200 || typeof result.data !== 'object' || result.data === null)
            reject(new LocalCloudUnreachable(url, `answered HTTP ${result.statusCode}, not as the local cloud`))
          else resolve({ status: result.statusCode, json: result.data })
        },
        fail: (error) => reject(new LocalCloudUnreachable(url, error.errMsg)),
      })
    })
}

const CONNECTING = 0
const OPEN = 1
const CLOSING = 2
const CLOSED = 3

export interface SocketEvents {
  opened(): void
  /** The socket ended without being asked to (refused, dropped, the cloud went away). */
  lost(): void
}

type Handler<E> = ((event: E) => void) | null

/** A WebSocket class (what `new WebSocket(url)` gives a browser) backed by wx.connectSocket. */
export function wxWebSocketClass(network: WxNetwork, events: SocketEvents) {
  return class WxWebSocket {
    readyState = CONNECTING
    onopen: Handler<{ type: 'open' }> = null
    onmessage: Handler<{ data: unknown }> = null
    onerror: Handler<{ type: 'error'; message: string }> = null
    onclose: Handler<{ code: number; reason: string }> = null
    private readonly task: WxSocketTask
    private closedByUs = false

    constructor(url: string) {
      this.task = network.connectSocket({ url, fail: (error) => this.failed(error.errMsg) })
      this.task.onOpen(() => {
        this.readyState = OPEN
        events.opened()
        this.onopen?.({ type: 'open' })
      })
      this.task.onMessage((message) => this.onmessage?.({ data: message.data }))
      this.task.onError((error) => this.failed(error.errMsg))
      this.task.onClose((event) => this.ended(event.code, event.reason))
    }

    send(data: string): void {
      this.task.send({ data })
    }

    close(code?: number, reason?: string): void {
      if (this.readyState === CLOSED) return
      this.closedByUs = true
      this.readyState = CLOSING
      // wx.SocketTask.close takes 1000 or 3000–4999 only; the SDK's own codes are in that range.
      this.task.close({ code: code === 1000 || (code !== undefined && code >= 3000 && code <= 4999) ? code : 1000, reason })
    }

    private failed(message: string): void {
      this.onerror?.({ type: 'error', message })
      // A socket that never opened gets no close event on some base libraries: end it here.
      if (this.readyState === CONNECTING) this.ended(1006, message)
    }

    private ended(code: number, reason: string): void {
      if (this.readyState === CLOSED) return
      this.readyState = CLOSED
      if (!this.closedByUs) events.lost()
      this.onclose?.({ code, reason })
    }
  }
}
