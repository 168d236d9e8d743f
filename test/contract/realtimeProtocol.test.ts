// The realtime wire protocol at /ws, spoken by hand: what the SDK's client relies on but never shows
// a page (ticket login, doc(id) watches and their query form, PING/PONG, CHECK_LAST/CHECK_EVENT,
// REBUILD_WATCH replay, CLOSE_WATCH). Message shapes from reference/cloud-emulation.md §5.2.
import WebSocket from 'ws'
import type { DevCloud } from '../../dev/cloud'
import { startContractCloud } from '../support/devcloud'
import { rawAction } from '../support/sdk'

jest.setTimeout(30_000)

interface Message {
  requestId?: string
  watchId?: string
  msgType: string
  msgData: Record<string, unknown> & { events?: Array<Record<string, unknown>> }
}

let devcloud: DevCloud
const sockets: WebSocket[] = []

beforeAll(async () => {
  devcloud = await startContractCloud()
})
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate()
})
afterAll(() => devcloud.close())
beforeEach(async () => {
  await devcloud.reset()
  await devcloud.db.put('parcels', { _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'PENDING' })
})

/** A socket with a bounded wait for the next message that matches. */
async function connect(
  as: 'shopper' | 'server' = 'shopper',
): Promise<{ send(message: object): void; next(match?: (message: Message) => boolean): Promise<Message> }> {
  const sign =
    as === 'shopper'
      ? await rawAction(devcloud.url, '/client', { action: 'auth.wsWebSign', envName: devcloud.envId }, { 'x-devcloud-openid': 'o-alice' })
      : await rawAction(devcloud.url, '/admin', { action: 'auth.wsWebSign', envName: devcloud.envId })
  const data = sign.data as { signStr: string; wsUrl: string; envId: string; secretVersion: number }
  expect(data).toMatchObject({ wsUrl: `${devcloud.url.replace('http', 'ws')}/ws`, envId: devcloud.envId, secretVersion: 1 })
  const socket = new WebSocket(data.wsUrl)
  sockets.push(socket)
  const inbox: Message[] = []
  const waiters: Array<() => void> = []
  socket.on('message', (raw) => {
    inbox.push(JSON.parse(raw.toString()) as Message)
    for (const wake of waiters.splice(0)) wake()
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const client = {
    send: (message: object) => socket.send(JSON.stringify(message)),
    async next(match: (message: Message) => boolean = () => true): Promise<Message> {
      const deadline = Date.now() + 5000
      for (;;) {
        const index = inbox.findIndex(match)
        const [found] = index >= 0 ? inbox.splice(index, 1) : []
        if (found) return found
        if (Date.now() > deadline) throw new Error('no matching realtime message within 5 s')
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 50)
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
    },
  }
  client.send({
    requestId: 'login-1',
    msgType: 'LOGIN',
    msgData: { envId: data.envId, accessToken: '', referrer: 'web' },
    exMsgData: { signStr: data.signStr, secretVersion: 1 },
  })
  expect(await client.next()).toEqual({ requestId: 'login-1', msgType: 'LOGIN_RES', msgData: { envId: devcloud.envId } })
  return client
}

test('a LOGIN with an unknown ticket is refused', async () => {
  const socket = new WebSocket(`${devcloud.url.replace('http', 'ws')}/ws`)
  sockets.push(socket)
  await new Promise((resolve) => socket.once('open', resolve))
  const reply = new Promise<Message>((resolve) => socket.once('message', (raw) => resolve(JSON.parse(raw.toString()) as Message)))
  socket.send(JSON.stringify({ requestId: 'r1', msgType: 'LOGIN', msgData: {}, exMsgData: { signStr: 'forged' } }))
  expect(await reply).toMatchObject({ requestId: 'r1', msgType: 'ERROR', msgData: { code: 'SIGN_INVALID_ERROR' } })
})

test('PING is answered with PONG', async () => {
  const client = await connect()
  client.send({ requestId: 'p1', msgType: 'PING', msgData: null })
  expect(await client.next()).toEqual({ requestId: 'p1', msgType: 'PONG', msgData: null })
})

test("a shopper's bare doc(id) watch cannot prove an owner rule and is denied (UNVERIFIED platform choice)", async () => {
  const client = await connect()
  client.send({
    watchId: 'w0',
    requestId: 'i0',
    msgType: 'INIT_WATCH',
    msgData: { envId: devcloud.envId, collName: 'parcels', query: JSON.stringify({ _id: 'SF:1' }) },
  })
  expect(await client.next()).toMatchObject({
    watchId: 'w0',
    requestId: 'i0',
    msgType: 'ERROR',
    msgData: { code: 'COLLECTION_PERMISSION_DENIED' },
  })
})

test('a doc(id) watch (query sent as JSON of {_id}) gets INIT_EVENT and NEXT_EVENTs; CHECK_LAST, REBUILD_WATCH and CLOSE_WATCH', async () => {
  // Server code's ticket bypasses rules, so the bare doc(id) form is accepted.
  const client = await connect('server')
  client.send({
    watchId: 'w1',
    requestId: 'i1',
    msgType: 'INIT_WATCH',
    msgData: { envId: devcloud.envId, collName: 'parcels', query: JSON.stringify({ _id: 'SF:1' }) },
  })
  const init = await client.next()
  expect(init).toMatchObject({ watchId: 'w1', requestId: 'i1', msgType: 'INIT_EVENT', msgData: { currEvent: 1 } })
  expect(init.msgData.events).toEqual([
    {
      ID: 1,
      DataType: 'init',
      QueueType: 'init',
      DocID: 'SF:1',
      Doc: JSON.stringify({ _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'PENDING' }),
    },
  ])
  const queryID = init.msgData.queryID as string

  await devcloud.db.put('parcels', { _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'DELIVERED' })
  const next = await client.next((message) => message.msgType === 'NEXT_EVENT')
  expect(next).toMatchObject({
    watchId: 'w1',
    msgData: { queryID, currEvent: 2, events: [{ ID: 2, DataType: 'replace', QueueType: 'update', DocID: 'SF:1' }] },
  })

  client.send({ watchId: 'w1', requestId: 'c1', msgType: 'CHECK_LAST', msgData: { queryID, eventID: 2 } })
  expect(await client.next()).toEqual({ watchId: 'w1', requestId: 'c1', msgType: 'CHECK_EVENT', msgData: { queryID, currEvent: 2 } })

  client.send({
    watchId: 'w1',
    requestId: 'r1',
    msgType: 'REBUILD_WATCH',
    msgData: { envId: devcloud.envId, collName: 'parcels', queryID, eventID: 1 },
  })
  const rebuilt = await client.next()
  expect(rebuilt).toMatchObject({ requestId: 'r1', msgType: 'NEXT_EVENT', msgData: { currEvent: 2 } })
  expect(rebuilt.msgData.events?.map((event) => event.ID)).toEqual([2])

  client.send({ watchId: 'w1', requestId: 'x1', msgType: 'CLOSE_WATCH', msgData: null })
  client.send({ watchId: 'w1', requestId: 'c2', msgType: 'CHECK_LAST', msgData: { queryID, eventID: 2 } })
  expect(await client.next()).toMatchObject({ requestId: 'c2', msgType: 'ERROR', msgData: { code: 'QUERYID_INVALID_ERROR' } })
})

test('a where watch sends its query double-encoded; both forms are accepted', async () => {
  const client = await connect()
  const ejson = JSON.stringify({ orderId: 'A1', _openid: '{openid}' })
  client.send({
    watchId: 'w2',
    requestId: 'i2',
    msgType: 'INIT_WATCH',
    msgData: { envId: devcloud.envId, collName: 'parcels', query: JSON.stringify(ejson) },
  })
  expect((await client.next()).msgData.events).toHaveLength(1)
})

test('malformed and unknown requests get ERROR, not a dropped socket', async () => {
  const client = await connect()
  client.send({
    watchId: 'w3',
    requestId: 'i3',
    msgType: 'INIT_WATCH',
    msgData: { envId: devcloud.envId, collName: 'parcels', query: '{"orderId":' },
  })
  expect(await client.next()).toMatchObject({ requestId: 'i3', msgType: 'ERROR', msgData: { code: 'SYS_ERR' } })
  client.send({
    watchId: 'w4',
    requestId: 'i4',
    msgType: 'INIT_WATCH',
    msgData: { envId: devcloud.envId, collName: 'nowhere', query: '{}' },
  })
  expect(await client.next()).toMatchObject({ requestId: 'i4', msgType: 'ERROR', msgData: { code: 'DATABASE_COLLECTION_NOT_EXIST' } })
  client.send({ requestId: 'u1', msgType: 'SUBSCRIBE_EVERYTHING', msgData: {} })
  expect(await client.next()).toMatchObject({ requestId: 'u1', msgType: 'ERROR', msgData: { code: 'SYS_ERR' } })
})
