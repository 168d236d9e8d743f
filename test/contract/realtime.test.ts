// watch() through the real @cloudbase/database realtime client (via the page's cloudbaseClient),
// fed by writes from every path: a cloud function (admin SDK), the client path, a transaction, and
// direct db.put. Event sequences follow reference/wechat.md §2.4.
import WebSocket from 'ws'
import type { DevCloud } from '../../dev/cloud'
import { createCloudbaseClient } from '../../miniprogram/src/services/cloud/cloudbaseClient'
import type { CloudClient } from '../../miniprogram/src/services/cloud/types'
import { startContractCloud } from '../support/devcloud'
import { rawAction } from '../support/sdk'
import { watchInto, type SnapshotQueue } from '../support/watch'

jest.setTimeout(30_000)

interface Parcel {
  _id: string
  _openid: string
  orderId: string
  status?: string
  addr?: { city: string; zip?: string }
  n?: number
}

let devcloud: DevCloud
let alice: CloudClient
let bob: CloudClient
const open: Array<SnapshotQueue<unknown>> = []

beforeAll(async () => {
  devcloud = await startContractCloud()
  alice = createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid: 'o-alice', WebSocket })
  bob = createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid: 'o-bob', WebSocket })
})
afterEach(async () => {
  for (const queue of open.splice(0)) await queue.close()
})
afterAll(() => devcloud.close())
beforeEach(async () => {
  await devcloud.reset()
  await devcloud.db.put('parcels', {
    _id: 'SF:1',
    _openid: 'o-alice',
    orderId: 'A1',
    status: 'IN_TRANSIT',
    addr: { city: 'SZ', zip: '518000' },
  })
  await devcloud.db.put('parcels', { _id: 'SF:2', _openid: 'o-bob', orderId: 'B1', status: 'PENDING' })
})

function watchParcels(client: CloudClient, where: Record<string, unknown>): SnapshotQueue<Parcel> {
  const queue = watchInto<Parcel>(client, 'parcels', where)
  open.push(queue as SnapshotQueue<unknown>)
  return queue
}

const changes = (snapshot: { docChanges: Array<{ docId: string; dataType: string; queueType: string }> }) =>
  snapshot.docChanges.map((change) => [change.docId, change.dataType, change.queueType])

test("init lists the owner's matching documents and is normalised to isInit", async () => {
  const watch = watchParcels(alice, { orderId: 'A1', _openid: '{openid}' })
  const init = await watch.next()
  expect(init.isInit).toBe(true)
  expect(init.docs).toEqual([{ _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'IN_TRANSIT', addr: { city: 'SZ', zip: '518000' } }])
  expect(changes(init)).toEqual([['SF:1', 'init', 'init']])
})

test('an empty init is still an init', async () => {
  const watch = watchParcels(alice, { orderId: 'none', _openid: '{openid}' })
  const init = await watch.next()
  expect(init).toMatchObject({ isInit: true, docs: [], docChanges: [] })
})

test("a function's update reaches the watch with updatedFields and removedFields", async () => {
  const watch = watchParcels(alice, { orderId: 'A1', _openid: '{openid}' })
  await watch.next()
  await devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:1', data: { status: 'DELIVERED', 'addr.city': 'GZ' } })
  const update = await watch.next()
  expect(update.isInit).toBe(false)
  expect(changes(update)).toEqual([['SF:1', 'update', 'update']])
  expect(update.docChanges[0]?.updatedFields).toEqual({ status: 'DELIVERED', 'addr.city': 'GZ' })
  expect(update.docChanges[0]?.removedFields).toEqual([])
  expect(update.docs[0]).toMatchObject({ status: 'DELIVERED', addr: { city: 'GZ', zip: '518000' } })

  await devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:1', data: { addr: { zip: '510000' } } })
  expect((await watch.next())?.docChanges[0]?.updatedFields).toEqual({ 'addr.zip': '510000' })
})

test('a removed field is reported in removedFields', async () => {
  const watch = watchParcels(alice, { orderId: 'A1', _openid: '{openid}' })
  await watch.next()
  await devcloud.invoke('writer', { op: 'unset', collection: 'parcels', id: 'SF:1', field: 'addr' })
  const update = await watch.next()
  expect(changes(update)).toEqual([['SF:1', 'update', 'update']])
  expect(update.docChanges[0]?.updatedFields).toEqual({})
  expect(update.docChanges[0]?.removedFields).toEqual(['addr'])
  expect(update.docs[0]).toEqual({ _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'IN_TRANSIT' })
  await devcloud.invoke('writer', { op: 'inc', collection: 'parcels', id: 'SF:1', field: 'n', by: 1 })
  expect((await watch.next())?.docChanges[0]?.updatedFields).toEqual({ n: 1 })
})

test('set is a replace; add enqueues; remove dequeues; leaving the query dequeues', async () => {
  const watch = watchParcels(alice, { orderId: 'A1', _openid: '{openid}' })
  await watch.next()

  await devcloud.invoke('writer', {
    op: 'set',
    collection: 'parcels',
    id: 'SF:1',
    data: { _openid: 'o-alice', orderId: 'A1', status: 'RETURNING' },
  })
  const replaced = await watch.next()
  expect(changes(replaced)).toEqual([['SF:1', 'replace', 'update']])
  expect(replaced.docs).toEqual([{ _id: 'SF:1', _openid: 'o-alice', orderId: 'A1', status: 'RETURNING' }])

  await devcloud.db.put('parcels', { _id: 'SF:3', _openid: 'o-alice', orderId: 'A1', status: 'PENDING' })
  const added = await watch.next()
  expect(changes(added)).toEqual([['SF:3', 'add', 'enqueue']])
  expect(added.docs.map((doc) => doc._id).sort()).toEqual(['SF:1', 'SF:3'])

  await devcloud.invoke('writer', { op: 'remove', collection: 'parcels', id: 'SF:3' })
  const removed = await watch.next()
  expect(changes(removed)).toEqual([['SF:3', 'remove', 'dequeue']])
  expect(removed.docChanges[0]?.doc).toMatchObject({ _id: 'SF:3' })

  await devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:1', data: { orderId: 'A2' } })
  const left = await watch.next()
  expect(changes(left)).toEqual([['SF:1', 'update', 'dequeue']])
  expect(left.docs).toEqual([])

  await devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:1', data: { orderId: 'A1' } })
  const back = await watch.next()
  expect(changes(back)).toEqual([['SF:1', 'update', 'enqueue']])
})

test('writes from the client path and from a transaction fan out too', async () => {
  const notes = watchInto<{ _id: string; text: string }>(alice, 'notes', { _openid: '{openid}' })
  open.push(notes as SnapshotQueue<unknown>)
  await notes.next()
  const inserted = await rawAction(
    devcloud.url,
    '/client',
    { action: 'database.insertDocument', envName: devcloud.envId, collectionName: 'notes', data: ['{"_id":"n1","text":"hello"}'] },
    { 'x-devcloud-openid': 'o-alice' },
  )
  expect(inserted).toMatchObject({ data: { insertedIds: ['n1'] } })
  const added = await notes.next()
  expect(added.docs).toEqual([{ _id: 'n1', text: 'hello', _openid: 'o-alice' }])

  const orders = watchInto<{ _id: string }>(alice, 'orders', { _openid: '{openid}' })
  open.push(orders as SnapshotQueue<unknown>)
  await orders.next()
  await devcloud.db.put('items', { _id: 'tea', stock: 1 })
  expect(await devcloud.invoke('stock', { itemId: 'tea' }, { openid: 'o-alice' })).toEqual({ ok: true })
  const fromTransaction = await orders.next()
  expect(changes(fromTransaction)).toEqual([[expect.stringMatching(/^[0-9a-f]{32}$/), 'add', 'enqueue']])
})

test('several shoppers in one process each see only their own documents', async () => {
  const aliceWatch = watchParcels(alice, { _openid: '{openid}' })
  const bobWatch = watchParcels(bob, { _openid: '{openid}' })
  expect((await aliceWatch.next()).docs.map((doc) => doc._id)).toEqual(['SF:1'])
  expect((await bobWatch.next()).docs.map((doc) => doc._id)).toEqual(['SF:2'])
  await devcloud.db.put('parcels', { _id: 'SF:4', _openid: 'o-bob', orderId: 'B1' })
  expect(changes(await bobWatch.next())).toEqual([['SF:4', 'add', 'enqueue']])
  await devcloud.idle()
  expect(aliceWatch.pending()).toBe(0)
})

test('a query the security rule does not cover is denied with COLLECTION_PERMISSION_DENIED', async () => {
  const denied = watchParcels(alice, { orderId: 'A1' })
  const error = await denied.error()
  expect(error.message).toContain('COLLECTION_PERMISSION_DENIED')
  const foreign = watchParcels(alice, { _openid: 'o-bob' })
  expect((await foreign.error()).message).toContain('COLLECTION_PERMISSION_DENIED')
})

test('after the connection drops, the client reconnects and rebuilds, missing nothing', async () => {
  const watch = watchParcels(alice, { orderId: 'A1', _openid: '{openid}' })
  await watch.next()
  expect(devcloud.faults.dropRealtimeConnections()).toBeGreaterThan(0)
  await devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:1', data: { status: 'OUT_FOR_DELIVERY' } })
  const replayed = await watch.next(10_000)
  expect(changes(replayed)).toEqual([['SF:1', 'update', 'update']])
  expect(replayed.docs[0]?.status).toBe('OUT_FOR_DELIVERY')
  await devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:1', data: { status: 'DELIVERED' } })
  expect((await watch.next())?.docs[0]?.status).toBe('DELIVERED')
})

test('more than 5000 matching records is refused', async () => {
  for (let index = 0; index < 5001; index += 1)
    await devcloud.db.put('parcels', { _id: `BULK:${index}`, _openid: 'o-alice', orderId: 'BULK' })
  const watch = watchParcels(alice, { orderId: 'BULK', _openid: '{openid}' })
  expect((await watch.error()).message).toContain('5000')
})
