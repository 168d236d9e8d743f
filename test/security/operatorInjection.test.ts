// Query operators and prototype-pollution keys smuggled into the inputs of EVERY function, sent the
// way an attacker would: as raw JSON over the page's real client path (createCloudbaseClient →
// POST /client → functions.invokeFunction), over the push routes signed with the real vendor keys
// (a compromised or buggy vendor), and over the warehouse route with a valid HMAC. Each is refused at
// the schema edge with a clear message (or, where the key is unknown, dropped and never queried), the
// database is compared before and after, and Object.prototype stays clean.
import { createHash, createHmac } from 'node:crypto'
import WebSocket from 'ws'
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { WAREHOUSE_SIGNATURE_HEADER, WAREHOUSE_TIMESTAMP_HEADER } from '../../core/api'
import { createCloudbaseClient } from '../../miniprogram/src/services/cloud/cloudbaseClient'
import { FORM } from '../functions/support/http'
import { form, kdniaoPush, kuaidi100Push } from '../functions/support/pushes'
import { DEV_KDNIAO, DEV_KUAIDI100_SALT } from '../../dev/aggregators'
import { ADDRESS, MERCHANT, SHOPPER, SHOPPER_2, WAREHOUSE_SECRET, startRig, type Rig } from '../functions/support/rig'

const NUMBER = 'YT1480000000501'
let rig: Rig
let shipped: string
let unshipped: string

beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
  const place = async (openid: string) => {
    const placed = await rig.call<CreateOrderResult>(
      'createOrder',
      { items: [{ productId: 'prod-cotton-tote', quantity: 1 }], address: ADDRESS },
      openid,
    )
    if (!placed.ok) throw new Error(placed.message)
    return placed.orderId
  }
  shipped = await place(SHOPPER)
  unshipped = await place(SHOPPER_2)
  const backfilled = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: shipped, trackingNo: NUMBER, carrier: 'YTO' }] },
    MERCHANT,
  )
  expect(backfilled).toMatchObject({ ok: true, results: [{ ok: true }] })
  await rig.settle()
})
afterAll(async () => {
  await rig?.close()
})

const page = (openid: string) => createCloudbaseClient({ url: rig.cloud.url, envId: rig.cloud.envId, openid, WebSocket })

/** Calls `name` with the raw JSON `json` as `openid` through the page's client path; fails the test if anything was written. */
function callRaw(name: string, openid: string, json: string): Promise<unknown> {
  return rig.writesNothing(() => page(openid).callFunction(name, JSON.parse(json)))
}

function expectPrototypeClean(): void {
  expect(Object.prototype).not.toHaveProperty('polluted')
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

const invalid = (message: string) => ({ ok: false, reason: 'invalid_input', message })
const invalidEntry = (message: string) => ({ ok: true, results: [{ ok: false, reason: 'invalid_entry', message }] })
const address = JSON.stringify(ADDRESS)

describe('operators as values are refused at the edge of every function', () => {
  test.each([
    [
      'createOrder',
      SHOPPER,
      `{"items":[{"productId":{"$ne":null},"quantity":1}],"address":${address}}`,
      invalid('items.0.productId: Invalid input: expected string, received object'),
    ],
    [
      'createOrder',
      SHOPPER,
      `{"items":[{"productId":"prod-cotton-tote","quantity":{"$gt":0}}],"address":${address}}`,
      invalid('items.0.quantity: Invalid input: expected number, received object'),
    ],
    [
      'createOrder',
      SHOPPER,
      `{"items":{"$elemMatch":{"productId":"prod-cotton-tote"}},"address":${address}}`,
      invalid('items: Invalid input: expected array, received object'),
    ],
    [
      'createOrder',
      SHOPPER,
      `{"items":[{"productId":"prod-cotton-tote","quantity":1}],"address":${JSON.stringify({ ...ADDRESS, userName: { $ne: null } })}}`,
      invalid('address.userName: Invalid input: expected string, received object'),
    ],
    ['listMyOrders', SHOPPER, '{"before":{"$gt":0}}', invalid('before: Invalid input: expected number, received object')],
    ['listMyOrders', SHOPPER, '{"limit":{"$gt":0}}', invalid('limit: Invalid input: expected number, received object')],
    ['getOrderTracking', SHOPPER, '{"orderId":{"$ne":null}}', invalid('orderId: Invalid input: expected string, received object')],
    ['getOrderTracking', SHOPPER, '{"orderId":{"$regex":".*"}}', invalid('orderId: Invalid input: expected string, received object')],
    [
      'getOrderTracking',
      SHOPPER,
      '{"orderId":{"$or":[{"_openid":"dev-shopper"}]}}',
      invalid('orderId: Invalid input: expected string, received object'),
    ],
    ['getOrderTracking', SHOPPER, '{"orderId":["x"]}', invalid('orderId: Invalid input: expected string, received array')],
    ['getOrderTracking', SHOPPER, '{"orderId":"$where"}', invalid('orderId: must be a document id')],
    ['refreshTracking', SHOPPER, '{"parcelId":{"$gt":""}}', invalid('parcelId: Invalid input: expected string, received object')],
    ['refreshTracking', SHOPPER, '{"parcelId":"YTO:{\\"$ne\\":null}"}', invalid('parcelId: must be a parcel id like SF:SF1234567890123')],
    ['backfillTracking', MERCHANT, '{"entries":{"$ne":null}}', invalid('entries: Invalid input: expected array, received object')],
    [
      'backfillTracking',
      MERCHANT,
      '{"entries":[{"orderId":{"$ne":null},"trackingNo":"YT1480000000502"}]}',
      invalidEntry('orderId: Invalid input: expected string, received object'),
    ],
    [
      'backfillTracking',
      MERCHANT,
      '{"entries":[{"orderId":"x","trackingNo":{"$ne":null}}]}',
      invalidEntry('trackingNo: Invalid input: expected string, received object'),
    ],
    [
      'backfillTracking',
      MERCHANT,
      '{"entries":[{"orderId":"x","trackingNo":"YT1480000000502","replaces":{"$ne":null}}]}',
      invalidEntry('replaces: Invalid input: expected string, received object'),
    ],
    [
      'backfillTracking',
      MERCHANT,
      '{"entries":[{"orderId":"x","trackingNo":"YT1480000000502","items":[{"productId":{"$ne":null},"quantity":1}]}]}',
      invalidEntry('items.0.productId: Invalid input: expected string, received object'),
    ],
    [
      'merchantConsole',
      MERCHANT,
      '{"action":{"$ne":null}}',
      invalid(
        "action: Invalid discriminator value. Expected 'session' | 'toShip' | 'exceptions' | 'carrierPerformance' | 'order' | 'refreshParcel' | 'lookupNumbers' | 'wechatSync' | 'retryShippingSync'",
      ),
    ],
    [
      'merchantConsole',
      MERCHANT,
      '{"action":"order","orderId":{"$regex":".*"}}',
      invalid('orderId: Invalid input: expected string, received object'),
    ],
    [
      'merchantConsole',
      MERCHANT,
      '{"action":"refreshParcel","parcelId":{"$gt":""}}',
      invalid('parcelId: Invalid input: expected string, received object'),
    ],
    [
      'merchantConsole',
      MERCHANT,
      '{"action":"lookupNumbers","trackingNos":[{"$ne":null}]}',
      invalid('trackingNos.0: Invalid input: expected string, received object'),
    ],
  ])('%s as %s', async (name, openid, json, expected) => {
    expect(await callRaw(name, openid, json)).toEqual(expected)
  })

  test('the carrier must be one of the codes, not an $in', async () => {
    expect(
      await callRaw('backfillTracking', MERCHANT, '{"entries":[{"orderId":"x","trackingNo":"YT1480000000502","carrier":{"$in":["YTO"]}}]}'),
    ).toEqual(invalidEntry(expect.stringMatching(/^carrier: Invalid option: expected one of "SF"\|"ZTO"\|"YTO"/)))
  })

  test('the timers refuse a page, whatever the event says (even a forged timer event)', async () => {
    for (const name of ['pollTracking', 'subscribeTracking']) {
      expect(await callRaw(name, SHOPPER, '{"$where":"sleep(1000)"}')).toEqual({
        ok: false,
        reason: 'forbidden',
        message: `${name} runs on its timer`,
      })
      expect(await callRaw(name, SHOPPER, `{"Type":"timer","TriggerName":"${name}","Time":"2025-01-02T00:00:00Z","Message":""}`)).toEqual({
        ok: false,
        reason: 'forbidden',
        message: `${name} runs on its timer`,
      })
    }
  })
})

describe('operator keys the schema does not know are dropped, never queried', () => {
  test('listProducts ignores a $where', async () => {
    const plain = await page(SHOPPER).callFunction('listProducts', {})
    expect(await callRaw('listProducts', SHOPPER, '{"$where":"this.stock > 0","$or":[{"stock":0}]}')).toEqual(plain)
  })

  test('listMyOrders answers the caller’s own orders, whatever openid the input claims', async () => {
    const own = await callRaw(
      'listMyOrders',
      SHOPPER_2,
      '{"_openid":{"$ne":null},"openid":"dev-shopper","OPENID":"dev-shopper","userInfo":{"openId":"dev-shopper"}}',
    )
    expect(own).toMatchObject({ ok: true, orders: [{ _id: unshipped, _openid: SHOPPER_2 }] })
    expect((own as { orders: unknown[] }).orders).toHaveLength(1)
  })

  test('the merchant search is a plain substring, not a pattern', async () => {
    const toShip = (search: string) => callRaw('merchantConsole', MERCHANT, JSON.stringify({ action: 'toShip', search }))
    expect(await toShip(ADDRESS.userName.slice(0, 2))).toMatchObject({ ok: true, orders: [{ _id: unshipped }] })
    for (const pattern of ['.*', '(a+)+$', '^', '[^x]']) expect(await toShip(pattern)).toEqual({ ok: true, orders: [], nextBefore: null })
  })
})

describe('prototype-pollution keys reach every callable function and pollute nothing', () => {
  const POLLUTE = '"__proto__":{"polluted":true,"isMerchant":true},"constructor":{"prototype":{"polluted":true}}'
  test.each([
    ['listProducts', SHOPPER, `{${POLLUTE}}`, { ok: true }],
    [
      'createOrder',
      SHOPPER,
      `{${POLLUTE},"items":[{"productId":"prod-cotton-tote","quantity":1,${POLLUTE}}],"address":{"__proto__":{"userName":"x"}}}`,
      { ok: false, reason: 'invalid_input' },
    ],
    ['listMyOrders', SHOPPER, `{${POLLUTE}}`, { ok: true }],
    ['getOrderTracking', SHOPPER_2, `{${POLLUTE},"orderId":"${'f'.repeat(32)}"}`, { ok: false, reason: 'not_found' }],
    ['refreshTracking', SHOPPER_2, `{${POLLUTE},"parcelId":"YTO:${NUMBER}"}`, { ok: false, reason: 'not_found' }],
    [
      'backfillTracking',
      SHOPPER,
      `{${POLLUTE},"entries":[{"orderId":"x","trackingNo":"YT1480000000503"}]}`,
      { ok: false, reason: 'not_merchant' },
    ],
    ['merchantConsole', SHOPPER, `{${POLLUTE},"action":"session"}`, { ok: false, reason: 'not_merchant' }],
    ['pollTracking', SHOPPER, `{${POLLUTE}}`, { ok: false, reason: 'forbidden' }],
    ['subscribeTracking', SHOPPER, `{${POLLUTE}}`, { ok: false, reason: 'forbidden' }],
    [
      'receiveTrackingPush',
      SHOPPER,
      `{${POLLUTE},"path":"/tracking/push/kdniao","httpMethod":"POST","headers":{},"body":""}`,
      { statusCode: 400 },
    ],
  ])('%s', async (name, openid, json, expected) => {
    expect(await callRaw(name, openid, json)).toMatchObject(expected)
    expectPrototypeClean()
  })
})

describe('operators inside signed vendor pushes and signed warehouse requests', () => {
  /** POSTs and fails the test if a document changed (outside pushInbox, when `inboxMayGrow`). */
  async function postWritesNothing(
    path: string,
    body: string,
    headers: Record<string, string>,
    inboxMayGrow = false,
  ): Promise<[number, unknown]> {
    const before = await rig.snapshot()
    const answer = await rig.http(path, body, headers)
    await rig.cloud.idle()
    const after = await rig.snapshot()
    if (inboxMayGrow) expect({ ...after, pushInbox: [] }).toEqual({ ...before, pushInbox: [] })
    else expect(after).toEqual(before)
    return [answer.status, JSON.parse(answer.body)]
  }

  test('a Kdniao push with an operator as the number or the carrier is refused as malformed', async () => {
    for (const [waybill, reason] of [
      [{ LogisticCode: { $ne: null }, ShipperCode: 'YTO' }, 'malformed push: Data.0.LogisticCode: Invalid input'],
      [
        { LogisticCode: NUMBER, ShipperCode: { $gt: '' } },
        'malformed push: Data.0.ShipperCode: Invalid input: expected string, received object',
      ],
    ] as const) {
      const requestData = JSON.stringify({
        EBusinessID: DEV_KDNIAO.eBusinessId,
        Count: '1',
        PushTime: '2025-01-02 10:00:00',
        Data: [
          {
            EBusinessID: DEV_KDNIAO.eBusinessId,
            ...waybill,
            Success: true,
            State: '3',
            Traces: [{ AcceptTime: '2025-01-02 08:00:00', AcceptStation: '伪造', Action: '301' }],
          },
        ],
      })
      const [status, answer] = await postWritesNothing('/tracking/push/kdniao', kdniaoPush(requestData), FORM)
      expect([status, answer]).toEqual([
        400,
        { EBusinessID: DEV_KDNIAO.eBusinessId, UpdateTime: expect.any(String), Success: false, Reason: reason },
      ])
    }
    expectPrototypeClean()
  })

  test('a Kdniao push carrying __proto__ keys is recorded as matching no parcel, and pollutes nothing', async () => {
    const requestData = `{"EBusinessID":"${DEV_KDNIAO.eBusinessId}","Count":"1","PushTime":"2025-01-02 10:00:00","__proto__":{"polluted":true},"Data":[{"__proto__":{"polluted":true},"EBusinessID":"${DEV_KDNIAO.eBusinessId}","ShipperCode":"YTO","LogisticCode":"YT1480000000599","Success":true,"State":"2","Traces":[{"AcceptTime":"2025-01-02 08:00:00","AcceptStation":"x","Action":"2","constructor":{"prototype":{"polluted":true}}}]}]}`
    const [status, answer] = await postWritesNothing('/tracking/push/kdniao', kdniaoPush(requestData), FORM, true)
    expect([status, answer]).toEqual([200, expect.objectContaining({ Success: true })])
    expect(await rig.cloud.db.count('pushInbox', { outcome: 'unknown_parcel', lastError: '1 waybill(s) matched no parcel' })).toBe(1)
    expectPrototypeClean()
  })

  test('a Kuaidi100 push with an operator as the number is refused as malformed', async () => {
    const param = {
      status: 'polling',
      message: '',
      autoCheck: '0',
      comOld: '',
      comNew: '',
      lastResult: {
        message: 'ok',
        state: '3',
        status: '200',
        condition: 'F00',
        ischeck: '1',
        com: 'yuantong',
        nu: { $ne: null },
        data: [],
      },
    }
    const [status, answer] = await postWritesNothing('/tracking/push/kuaidi100', kuaidi100Push(param), FORM)
    expect([status, answer]).toEqual([400, { result: false, returnCode: '500', message: 'malformed push: lastResult.nu: Invalid input' }])
    const sign = createHash('md5').update(`{"$where":"1"}${DEV_KUAIDI100_SALT}`, 'utf8').digest('hex').toUpperCase()
    expect(
      await postWritesNothing(
        '/tracking/push/kuaidi100',
        form([
          ['param', '{"$where":"1"}'],
          ['sign', sign],
        ]),
        FORM,
      ),
    ).toEqual([400, expect.objectContaining({ result: false })])
  })

  test('a warehouse request with a valid HMAC and operators in its entries', async () => {
    const body = JSON.stringify({
      entries: [
        { orderId: { $ne: null }, trackingNo: 'YT1480000000504' },
        { orderId: unshipped, trackingNo: { $regex: '.*' } },
        { orderId: unshipped, trackingNo: 'YT1480000000505', replaces: { $ne: null } },
      ],
    })
    const timestamp = String(rig.clock.now())
    const [status, answer] = await postWritesNothing('/warehouse/backfill', body, {
      'content-type': 'application/json',
      authorization: 'Bearer warehouse-api-key',
      [WAREHOUSE_TIMESTAMP_HEADER]: timestamp,
      [WAREHOUSE_SIGNATURE_HEADER]: createHmac('sha256', WAREHOUSE_SECRET).update(`${timestamp}.${body}`).digest('hex'),
    })
    expect([status, answer]).toEqual([
      200,
      {
        ok: true,
        results: [
          { ok: false, reason: 'invalid_entry', message: 'orderId: Invalid input: expected string, received object' },
          { ok: false, reason: 'invalid_entry', message: 'trackingNo: Invalid input: expected string, received object' },
          { ok: false, reason: 'invalid_entry', message: 'replaces: Invalid input: expected string, received object' },
        ],
      },
    ])
  })
})
