// wx.request and wx.connectSocket for miniprogram-simulate, carried over real HTTP (node fetch) and a
// real WebSocket (`ws`) to a real local cloud. The local build has its cloud's address baked in;
// `route` says which real origin answers for it (a test cloud listens on an ephemeral port), the
// way a phone's network would route the LAN address. `route` can change while the page runs, so a
// test can take the cloud away and bring it back.
import WebSocket from 'ws'

export interface WxNetworkBridge {
  /** The origin the build was made for → where it is served now (null: nothing listens there). */
  route(target: string | null): void
  /** Sockets the page opened that are not closed yet. */
  openSockets(): number
  requests: string[]
}

type Callback<T> = ((value: T) => void) | undefined

export function installWxNetwork(builtFor: string): WxNetworkBridge {
  let target: string | null = null
  const sockets = new Set<WebSocket>()
  const requests: string[] = []
  const routed = (url: string) => {
    // The socket goes to the same origin, as ws://.
    const http = url.replace(/^ws/, 'http')
    if (!http.startsWith(builtFor)) throw new Error(`the local build asked for ${url}, not its local cloud ${builtFor}`)
    // Nothing listens on port 9 (discard): a refused connection, as when the cloud is not running.
    const real = `${target ?? 'http://127.0.0.1:9'}${http.slice(builtFor.length)}`
    return url.startsWith('ws') ? real.replace(/^http/, 'ws') : real
  }
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx

  wx.request = (options: {
    url: string
    method?: string
    data?: string
    header?: Record<string, string>
    success: Callback<unknown>
    fail: Callback<unknown>
  }) => {
    requests.push(options.url.slice(builtFor.length))
    fetch(routed(options.url), { method: options.method ?? 'GET', headers: options.header, body: options.data }).then(
      async (response) => {
        const text = await response.text()
        let data: unknown = text
        try {
          data = JSON.parse(text)
        } catch {
          /* a non-JSON body stays text, as dataType json does */
        }
        options.success?.({ statusCode: response.status, data, header: {}, errMsg: 'request:ok' })
      },
      (error: Error) => options.fail?.({ errMsg: `request:fail ${error.message}` }),
    )
    return { abort: () => undefined }
  }

  wx.connectSocket = (options: { url: string }) => {
    const socket = new WebSocket(routed(options.url))
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    return {
      send: ({ data }: { data: string }) => socket.send(data),
      close: ({ code, reason }: { code?: number; reason?: string }) => socket.close(code, reason),
      onOpen: (listener: () => void) => socket.on('open', () => listener()),
      onMessage: (listener: (message: { data: string }) => void) => socket.on('message', (data) => listener({ data: String(data) })),
      onError: (listener: (error: { errMsg: string }) => void) => socket.on('error', (error) => listener({ errMsg: error.message })),
      onClose: (listener: (event: { code: number; reason: string }) => void) =>
        socket.on('close', (code, reason) => listener({ code, reason: String(reason) })),
    }
  }

  return {
    route: (next) => {
      target = next
    },
    openSockets: () => sockets.size,
    requests,
  }
}
