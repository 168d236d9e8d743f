// The client path (`POST /client`, as a shopper): security rules enforced against the query, client
// limits, `_openid` stamped by the platform, `{openid}` substituted — through the real
// @cloudbase/database builder (cloudbaseClient) where a page would use it, raw where a page can't.
import WebSocket from 'ws'
import type { DevCloud } from '../../dev/cloud'
import { createCloudbaseClient, CloudCallError } from '../../miniprogram/src/services/cloud/cloudbaseClient'
import { startContractCloud, startTestCloud } from '../support/devcloud'
import { rawAction } from '../support/sdk'

jest.setTimeout(30_000)

const asShopper = (devcloud: DevCloud, openid: string, body: Record<string, unknown>) =>
  rawAction(devcloud.url, '/client', { envName: devcloud.envId, ...body }, { 'x-devcloud-openid': openid })

describe('the shipped rules (cloudbase/rules, DESIGN §4)', () => {
  let devcloud: DevCloud
  beforeAll(async () => {
    devcloud = await startTestCloud({ functionsDir: '/nonexistent' })
    await devcloud.db.put('parcels', { _id: 'SF:1', _openid: 'dev-shopper', orderId: 'A1' })
    await devcloud.db.put('parcels', { _id: 'SF:2', _openid: 'dev-shopper-2', orderId: 'A2' })
    await devcloud.db.put('orders', { _id: 'A1', _openid: 'dev-shopper', total: 16800 })
    await devcloud.db.put('products', { _id: 'p1', title: 'tea' })
  })
  afterAll(() => devcloud.close())

  test('exactly the collections of DESIGN §4 exist (plus pushInboxParts, the slices of large push bodies)', () => {
    expect(devcloud.db.collections()).toEqual([
      'assistantTokens',
      'laneStats',
      'merchants',
      'notifications',
      'notifyCredits',
      'orders',
      'parcels',
      'products',
      'pushInbox',
      'pushInboxParts',
    ])
  })

  test("an owner query on parcels and orders is allowed and returns only the owner's documents", async () => {
    const shopper = createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid: 'dev-shopper', WebSocket })
    expect(await shopper.query('parcels', { orderId: 'A1', _openid: '{openid}' })).toEqual([
      { _id: 'SF:1', _openid: 'dev-shopper', orderId: 'A1' },
    ])
    expect(await shopper.query('orders', { _openid: '{openid}' })).toEqual([{ _id: 'A1', _openid: 'dev-shopper', total: 16800 }])
  })

  test.each([
    ['parcels without an owner condition', 'parcels', { orderId: 'A2' }],
    ['parcels of another shopper', 'parcels', { _openid: 'dev-shopper-2' }],
    ['products (read: false)', 'products', {}],
    ['merchants (read: false)', 'merchants', {}],
    ['pushInboxParts (read: false)', 'pushInboxParts', {}],
  ])('denied: %s (-502003)', async (_label, collection, where) => {
    const shopper = createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid: 'dev-shopper', WebSocket })
    const error = await shopper.query(collection, where).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CloudCallError)
    expect(error).toMatchObject({ errCode: -502003 })
  })

  test.each(['orders', 'parcels', 'products', 'pushInbox', 'pushInboxParts', 'merchants'])(
    'no client writes to %s (write: false)',
    async (collection) => {
      expect(
        await asShopper(devcloud, 'dev-shopper', { action: 'database.insertDocument', collectionName: collection, data: ['{"x":1}'] }),
      ).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
      expect(
        await asShopper(devcloud, 'dev-shopper', {
          action: 'database.modifyDocument',
          collectionName: collection,
          queryType: 'WHERE',
          query: '{"_openid":"{openid}"}',
          data: '{"$set":{"x":1}}',
          multi: true,
        }),
      ).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
      expect(
        await asShopper(devcloud, 'dev-shopper', {
          action: 'database.removeDocument',
          collectionName: collection,
          queryType: 'WHERE',
          query: '{"_openid":"{openid}"}',
          multi: true,
        }),
      ).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
    },
  )
})

describe('client-path behaviour (fixture collections)', () => {
  let devcloud: DevCloud
  beforeAll(async () => {
    devcloud = await startContractCloud()
  })
  afterAll(() => devcloud.close())
  beforeEach(() => devcloud.reset())

  test('a client add stamps _openid; a client-set _openid is refused', async () => {
    const added = await asShopper(devcloud, 'o-alice', {
      action: 'database.insertDocument',
      collectionName: 'notes',
      data: ['{"_id":"n1","text":"hi"}'],
    })
    expect(added).toMatchObject({ data: { insertedIds: ['n1'] } })
    expect(await devcloud.db.get('notes', 'n1')).toEqual({ _id: 'n1', text: 'hi', _openid: 'o-alice' })
    const forged = await asShopper(devcloud, 'o-alice', {
      action: 'database.insertDocument',
      collectionName: 'notes',
      data: ['{"text":"x","_openid":"o-bob"}'],
    })
    expect(forged).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
    expect(await devcloud.db.count('notes')).toBe(1)
  })

  test('owner-scoped client update and remove; a foreign or unscoped one is denied; _openid cannot be changed', async () => {
    await devcloud.db.put('notes', { _id: 'mine', _openid: 'o-alice', text: 'a' })
    await devcloud.db.put('notes', { _id: 'theirs', _openid: 'o-bob', text: 'b' })
    const update = (openid: string, query: object, data: object) =>
      asShopper(devcloud, openid, {
        action: 'database.modifyDocument',
        collectionName: 'notes',
        queryType: 'WHERE',
        query: JSON.stringify(query),
        data: JSON.stringify(data),
        multi: true,
        merge: true,
      })
    expect(await update('o-alice', { _openid: '{openid}' }, { $set: { text: 'edited' } })).toMatchObject({ data: { updated: 1 } })
    expect(await devcloud.db.get('notes', 'theirs')).toMatchObject({ text: 'b' })
    expect(await update('o-alice', { _id: 'theirs' }, { $set: { text: 'hacked' } })).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
    expect(await update('o-alice', { _openid: '{openid}' }, { $set: { _openid: 'o-bob' } })).toMatchObject({
      code: 'DATABASE_PERMISSION_DENIED',
    })
    expect(
      await asShopper(devcloud, 'o-alice', {
        action: 'database.removeDocument',
        collectionName: 'notes',
        queryType: 'WHERE',
        query: '{"_openid":"{openid}"}',
        multi: true,
      }),
    ).toMatchObject({ data: { deleted: 1 } })
    expect((await devcloud.db.list('notes')).map((doc) => doc._id)).toEqual(['theirs'])
  })

  test('a client get answers at most 20 documents, whatever the limit asked', async () => {
    for (let index = 0; index < 30; index += 1) await devcloud.db.put('catalog', { _id: `c${index}`, index })
    const shopper = createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid: 'o-alice', WebSocket })
    expect(await shopper.query('catalog', {})).toHaveLength(20)
    const asked = await asShopper(devcloud, 'o-alice', {
      action: 'database.getDocument',
      collectionName: 'catalog',
      queryType: 'WHERE',
      query: '{}',
      limit: 1000,
    })
    expect((asked.data as { list: string[] }).list).toHaveLength(20)
  })

  test('a client without x-devcloud-openid is denied', async () => {
    expect(
      await rawAction(devcloud.url, '/client', {
        action: 'database.getDocument',
        envName: devcloud.envId,
        collectionName: 'catalog',
        queryType: 'WHERE',
        query: '{}',
      }),
    ).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
  })

  test.each([
    ['transactions', { action: 'database.startTransaction' }],
    ['creating collections', { action: 'database.addCollection', collectionName: 'mine' }],
    [
      'reading inside a transaction',
      { action: 'database.getDocument', collectionName: 'notes', transactionId: 'devcloud-tx-1', queryType: 'DOC', query: '{"_id":"x"}' },
    ],
  ])('pages cannot use %s', async (_label, body) => {
    expect(await asShopper(devcloud, 'o-alice', body)).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
  })

  test('rules never apply on the admin path: a function reads and writes everything', async () => {
    await devcloud.db.put('things', { _id: 't1' })
    const reply = await rawAction(devcloud.url, '/admin', {
      action: 'database.getDocument',
      envName: devcloud.envId,
      collectionName: 'things',
      queryType: 'WHERE',
      query: '{}',
    })
    expect((reply.data as { list: string[] }).list).toHaveLength(1)
  })

  test("a page's callFunction runs the function as that shopper, SOURCE wx_client", async () => {
    const shopper = createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid: 'o-alice', WebSocket })
    const result = await shopper.callFunction<{ context: Record<string, unknown>; event: Record<string, unknown> }>('whoami', {
      orderId: 'A1',
    })
    expect(result.context).toMatchObject({ OPENID: 'o-alice', SOURCE: 'wx_client', ENV: devcloud.envId })
    expect(result.event).toMatchObject({ orderId: 'A1', userInfo: { openId: 'o-alice', appId: expect.stringMatching(/^wx/) } })
  })

  test("a page's failed callFunction rejects with the platform errCode", async () => {
    const shopper = createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid: 'o-alice', WebSocket })
    const error = await shopper.callFunction('boom', { why: 'testing' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CloudCallError)
    expect(error).toMatchObject({ errCode: -504002, message: expect.stringContaining('boom: testing') })
  })
})
