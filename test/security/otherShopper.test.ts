// dev-shopper-2 goes after dev-shopper's order and parcel by every way a page can reach data: the
// functions (getOrderTracking, refreshTracking, listMyOrders), client-side database reads
// (createCloudbaseClient, and raw /client actions the SDK would never build), watches (where
// watches through the SDK, a bare doc(id) watch and a hijacked watch session by hand), and the
// collections no page may read or write. Every attempt is refused with the platform's error or
// answers nothing of the other shopper's, and the database is compared before and after.
import WebSocket from 'ws'
import type { BackfillTrackingResult, CreateOrderResult, ParcelDoc } from '../../core/api'
import { CloudCallError, createCloudbaseClient } from '../../miniprogram/src/services/cloud/cloudbaseClient'
import type { CloudClient } from '../../miniprogram/src/services/cloud/types'
import { rawAction } from '../support/sdk'
import { watchInto } from '../support/watch'
import { ADDRESS, MERCHANT, MINUTE, SHOPPER, SHOPPER_2, startRig, type Rig } from '../functions/support/rig'
import { connectAs, type RawRealtime } from './support/rawRealtime'

const NUMBER = 'YT1480000000601'
const PARCEL = `YTO:${NUMBER}`
let rig: Rig
let victimOrder: string
let ownOrder: string
let attacker: CloudClient
const sockets: RawRealtime[] = []

beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
  const place = async (openid: string) => {
    const placed = await rig.call<CreateOrderResult>(
      'createOrder',
      { items: [{ productId: 'prod-silk-scarf', quantity: 1 }], address: ADDRESS },
      openid,
    )
    if (!placed.ok) throw new Error(placed.message)
    return placed.orderId
  }
  victimOrder = await place(SHOPPER)
  ownOrder = await place(SHOPPER_2)
  rig.sandbox.assignScenario(NUMBER, 'yto-normal')
  const shipped = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: victimOrder, trackingNo: NUMBER, carrier: 'YTO' }] },
    MERCHANT,
  )
  expect(shipped).toMatchObject({ ok: true, results: [{ ok: true, parcelId: PARCEL }] })
  await rig.advance(30 * MINUTE)
  expect(((await rig.cloud.db.get('parcels', PARCEL)) as unknown as ParcelDoc).events).toHaveLength(1)
  attacker = createCloudbaseClient({ url: rig.cloud.url, envId: rig.cloud.envId, openid: SHOPPER_2, WebSocket })
})
afterAll(async () => {
  for (const socket of sockets) socket.close()
  await rig?.close()
})

const denied = async (attempt: () => Promise<unknown>) => {
  const error = await rig.writesNothing(() =>
    attempt().then(
      () => undefined,
      (caught: unknown) => caught,
    ),
  )
  expect(error).toBeInstanceOf(CloudCallError)
  expect(error).toMatchObject({ errCode: -502003 })
}

const asAttacker = (body: Record<string, unknown>) =>
  rig.writesNothing(() => rawAction(rig.cloud.url, '/client', { envName: rig.cloud.envId, ...body }, { 'x-devcloud-openid': SHOPPER_2 }))
const PERMISSION_DENIED = { code: 'DATABASE_PERMISSION_DENIED' }

describe('through the functions', () => {
  test('getOrderTracking: the other order reads exactly like a missing one', async () => {
    const other = await rig.writesNothing(() => attacker.callFunction('getOrderTracking', { orderId: victimOrder }))
    expect(other).toEqual({ ok: false, reason: 'not_found', message: 'no such order' })
    expect(await attacker.callFunction('getOrderTracking', { orderId: 'f'.repeat(32) })).toEqual(other)
  })

  test('refreshTracking: the other parcel reads exactly like a missing one, and no vendor is asked', async () => {
    const queriesBefore = rig.sandbox.deliveries().length
    const other = await rig.writesNothing(() => attacker.callFunction('refreshTracking', { parcelId: PARCEL }))
    expect(other).toEqual({ ok: false, reason: 'not_found', message: 'no such parcel' })
    expect(await attacker.callFunction('refreshTracking', { parcelId: 'YTO:YT1999999999999' })).toEqual(other)
    expect(rig.sandbox.deliveries()).toHaveLength(queriesBefore)
  })

  test('listMyOrders: only the caller’s own orders, on every page', async () => {
    const first = await rig.writesNothing(() =>
      attacker.callFunction<{ ok: true; orders: Array<{ _id: string }>; nextBefore: number | null }>('listMyOrders', { limit: 20 }),
    )
    expect(first.orders.map((order) => order._id)).toEqual([ownOrder])
    expect(await attacker.callFunction('listMyOrders', { before: Date.UTC(2100, 0, 1), limit: 20 })).toMatchObject({
      ok: true,
      orders: [{ _id: ownOrder }],
    })
  })
})

describe('through client-side reads (createCloudbaseClient as dev-shopper-2)', () => {
  test.each([
    ['orders by id', 'orders', () => ({ _id: victimOrder })],
    ['orders of the other openid', 'orders', () => ({ _openid: SHOPPER })],
    ['parcels by id', 'parcels', () => ({ _id: PARCEL })],
    ['parcels by order, without the owner clause', 'parcels', () => ({ orderId: victimOrder })],
    ['parcels by order, with the other openid', 'parcels', () => ({ orderId: victimOrder, _openid: SHOPPER })],
    ['pushInbox', 'pushInbox', () => ({})],
    ['merchants', 'merchants', () => ({})],
    ['products', 'products', () => ({})],
  ])('denied: %s (-502003)', async (_label, collection, where) => {
    await denied(() => attacker.query(collection, where()))
  })

  test('with the owner clause, the other order and parcel simply are not there', async () => {
    expect(await rig.writesNothing(() => attacker.query('orders', { _id: victimOrder, _openid: '{openid}' }))).toEqual([])
    expect(await attacker.query('parcels', { orderId: victimOrder, _openid: '{openid}' })).toEqual([])
    expect((await attacker.query<{ _id: string }>('orders', { _openid: '{openid}' })).map((order) => order._id)).toEqual([ownOrder])
  })

  test.each([
    ['an $ne on the owner', 'orders', '{"_openid":{"$ne":"nobody"}}'],
    ['both openids in an $in', 'orders', '{"_openid":{"$in":["dev-shopper","dev-shopper-2"]}}'],
    ['an $or around the owner clause', 'parcels', `{"$or":[{"_openid":"{openid}"},{"orderId":"VICTIM"}]}`],
    ['a $where', 'orders', '{"$where":"return true"}'],
  ])('raw queries the SDK would not build are denied: %s', async (_label, collection, query) => {
    expect(
      await asAttacker({
        action: 'database.getDocument',
        collectionName: collection,
        queryType: 'WHERE',
        query: query.replace('VICTIM', victimOrder),
        limit: 20,
      }),
    ).toMatchObject(PERMISSION_DENIED)
    expect(
      await asAttacker({
        action: 'database.calculateDocument',
        collectionName: collection,
        queryType: 'WHERE',
        query: query.replace('VICTIM', victimOrder),
      }),
    ).toMatchObject(PERMISSION_DENIED)
  })

  test('a bare doc(id) read, and an aggregate whose first stage does not prove ownership, are denied', async () => {
    expect(
      await asAttacker({
        action: 'database.getDocument',
        collectionName: 'orders',
        queryType: 'DOC',
        query: JSON.stringify({ _id: victimOrder }),
      }),
    ).toMatchObject(PERMISSION_DENIED)
    expect(
      await asAttacker({
        action: 'database.aggregateDocuments',
        collectionName: 'parcels',
        stages: [{ stageKey: '$match', stageValue: JSON.stringify({ orderId: victimOrder }) }],
      }),
    ).toMatchObject(PERMISSION_DENIED)
    expect(
      await asAttacker({
        action: 'database.aggregateDocuments',
        collectionName: 'orders',
        stages: [
          { stageKey: '$sort', stageValue: '{"createdAt":-1}' },
          { stageKey: '$match', stageValue: '{"_openid":"{openid}"}' },
        ],
      }),
    ).toMatchObject(PERMISSION_DENIED)
  })

  test.each(['orders', 'parcels', 'pushInbox', 'merchants', 'products'])(
    'no writes to %s, not even to a document by id',
    async (collection) => {
      const id = collection === 'orders' ? victimOrder : collection === 'parcels' ? PARCEL : 'x'
      expect(await asAttacker({ action: 'database.insertDocument', collectionName: collection, data: ['{"x":1}'] })).toMatchObject(
        PERMISSION_DENIED,
      )
      expect(
        await asAttacker({
          action: 'database.modifyDocument',
          collectionName: collection,
          queryType: 'DOC',
          query: JSON.stringify({ _id: id }),
          data: '{"$set":{"status":"DELIVERED"}}',
        }),
      ).toMatchObject(PERMISSION_DENIED)
      expect(
        await asAttacker({
          action: 'database.removeDocument',
          collectionName: collection,
          queryType: 'DOC',
          query: JSON.stringify({ _id: id }),
        }),
      ).toMatchObject(PERMISSION_DENIED)
    },
  )
})

describe('through watches', () => {
  test.each([
    ['without the owner clause', () => ({ orderId: victimOrder })],
    ['with the other openid', () => ({ orderId: victimOrder, _openid: SHOPPER })],
    ['on the parcel id', () => ({ _id: PARCEL })],
  ])('a where watch %s is refused', async (_label, where) => {
    await rig.writesNothing(async () => {
      const watch = watchInto<ParcelDoc>(attacker, 'parcels', where())
      expect((await watch.error()).message).toMatch(/COLLECTION_PERMISSION_DENIED/)
      await watch.close()
    })
  })

  test('an owner watch on the other order starts empty and stays silent while that parcel moves', async () => {
    const watch = watchInto<ParcelDoc>(attacker, 'parcels', { orderId: victimOrder, _openid: '{openid}' })
    expect((await watch.next()).docs).toEqual([])
    const eventsBefore = ((await rig.cloud.db.get('parcels', PARCEL)) as unknown as ParcelDoc).events.length
    await rig.advance(200 * MINUTE) // yto-normal's next scan is pushed and merged
    expect(((await rig.cloud.db.get('parcels', PARCEL)) as unknown as ParcelDoc).events.length).toBeGreaterThan(eventsBefore)
    await rig.cloud.idle() // realtime pushes settled
    expect(watch.pending()).toBe(0)
    await watch.close()
  })

  test('by hand: a bare doc(id) watch is denied, and another shopper’s watch session cannot be taken over', async () => {
    const thief = await connectAs(rig.cloud.url, rig.cloud.envId, SHOPPER_2)
    const owner = await connectAs(rig.cloud.url, rig.cloud.envId, SHOPPER)
    sockets.push(thief, owner)
    const before = await rig.snapshot()
    thief.send({
      watchId: 'w1',
      requestId: 'doc',
      msgType: 'INIT_WATCH',
      msgData: { envId: rig.cloud.envId, collName: 'parcels', query: JSON.stringify({ _id: PARCEL }) },
    })
    expect(await thief.next((message) => message.requestId === 'doc')).toMatchObject({
      msgType: 'ERROR',
      msgData: { code: 'COLLECTION_PERMISSION_DENIED' },
    })

    owner.send({
      watchId: 'w2',
      requestId: 'own',
      msgType: 'INIT_WATCH',
      msgData: { envId: rig.cloud.envId, collName: 'parcels', query: JSON.stringify({ orderId: victimOrder, _openid: '{openid}' }) },
    })
    const init = await owner.next((message) => message.requestId === 'own')
    expect(init).toMatchObject({ msgType: 'INIT_EVENT' })
    const queryID = String(init.msgData?.queryID)
    thief.send({
      watchId: 'w3',
      requestId: 'steal',
      msgType: 'REBUILD_WATCH',
      msgData: { envId: rig.cloud.envId, collName: 'parcels', queryID, eventID: 0 },
    })
    expect(await thief.next((message) => message.requestId === 'steal')).toMatchObject({
      msgType: 'ERROR',
      msgData: { code: 'QUERYID_INVALID_ERROR' },
    })
    thief.send({ watchId: 'w3', requestId: 'peek', msgType: 'CHECK_LAST', msgData: { queryID, eventID: 0 } })
    expect(await thief.next((message) => message.requestId === 'peek')).toMatchObject({
      msgType: 'ERROR',
      msgData: { code: 'QUERYID_INVALID_ERROR' },
    })
    await rig.cloud.idle()
    expect(await rig.snapshot()).toEqual(before)

    await rig.advance(130 * MINUTE) // the next scan: the owner hears of it, the thief does not
    await rig.cloud.idle()
    expect(owner.pending().some((message) => message.msgType === 'NEXT_EVENT')).toBe(true)
    expect(thief.pending()).toEqual([])
  })
})
