// The realtime protocol spoken by hand, as a shopper who does not use the SDK would: log in with a
// ticket from auth.wsWebSign on the client path, then send any message at all. Every wait is bounded.
import WebSocket from 'ws'
import { rawAction } from '../../support/sdk'

export interface RealtimeMessage {
  requestId?: string
  watchId?: string
  msgType: string
  msgData: Record<string, unknown> | null
}

export interface RawRealtime {
  send(message: object): void
  /** The next message that matches, within `timeoutMs`. */
  next(match?: (message: RealtimeMessage) => boolean, timeoutMs?: number): Promise<RealtimeMessage>
  /** Messages received and not yet taken. */
  pending(): RealtimeMessage[]
  close(): void
}

export async function connectAs(url: string, envId: string, openid: string): Promise<RawRealtime> {
  const sign = await rawAction(url, '/client', { action: 'auth.wsWebSign', envName: envId }, { 'x-devcloud-openid': openid })
  const { signStr, wsUrl } = sign.data as { signStr: string; wsUrl: string }
  const socket = new WebSocket(wsUrl)
  const inbox: RealtimeMessage[] = []
  const waiters: Array<() => void> = []
  socket.on('message', (raw) => {
    inbox.push(JSON.parse(raw.toString()) as RealtimeMessage)
    for (const wake of waiters.splice(0)) wake()
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const client: RawRealtime = {
    send: (message) => socket.send(JSON.stringify(message)),
    async next(match = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const index = inbox.findIndex(match)
        const [found] = index >= 0 ? inbox.splice(index, 1) : []
        if (found) return found
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`no matching realtime message within ${timeoutMs} ms`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 50))
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
    },
    pending: () => [...inbox],
    close: () => socket.terminate(),
  }
  client.send({
    requestId: 'login',
    msgType: 'LOGIN',
    msgData: { envId, accessToken: '', referrer: 'web' },
    exMsgData: { signStr, secretVersion: 1 },
  })
  const login = await client.next((message) => message.requestId === 'login')
  if (login.msgType !== 'LOGIN_RES') throw new Error(`realtime login refused: ${JSON.stringify(login)}`)
  return client
}
