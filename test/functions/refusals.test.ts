// Every refusal answers with its exact error and writes nothing: the database is compared, document
// for document, before and after each refused call.
import WebSocket from 'ws'
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { WAREHOUSE_SIGNATURE_HEADER, WAREHOUSE_TIMESTAMP_HEADER } from '../../core/api'
import { createCloudbaseClient } from '../../miniprogram/src/services/cloud/cloudbaseClient'
import { FORM } from './support/http'
import { form, kdniaoPush, kdniaoRequestData, kuaidi100Push } from './support/pushes'
import { ADDRESS, MERCHANT, SHOPPER, SHOPPER_2, startRig, type Rig } from './support/rig'

let rig: Rig
let orderA: string
let orderB: string
const NUMBER = 'YT1400000000101'

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
  orderA = await place(SHOPPER)
  orderB = await place(SHOPPER_2)
  const backfilled = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: orderA, trackingNo: NUMBER }] },
    MERCHANT,
  )
  expect(backfilled).toMatchObject({ ok: true, results: [{ ok: true, outcome: 'created' }] })
  await rig.settle()
})
afterAll(async () => {
  await rig?.close()
})

describe('backfillTracking refuses', () => {
  test('a shopper', async () => {
    expect(
      await rig.writesNothing(() =>
        rig.call('backfillTracking', { entries: [{ orderId: orderB, trackingNo: 'YT1400000000102' }] }, SHOPPER),
      ),
    ).toEqual({ ok: false, reason: 'not_merchant', message: 'only merchants can backfill tracking numbers' })
  })

  test('an ambiguous number, listing the candidates', async () => {
    expect(
      await rig.writesNothing(() => rig.call('backfillTracking', { entries: [{ orderId: orderB, trackingNo: '123456789012' }] }, MERCHANT)),
    ).toEqual({
      ok: true,
      results: [
        {
          ok: false,
          reason: 'ambiguous_carrier',
          message: '123456789012 could be SF / ANE: choose the carrier',
          candidates: ['SF', 'ANE'],
        },
      ],
    })
  })

  test('a number already on another order, naming that order', async () => {
    expect(
      await rig.writesNothing(() => rig.call('backfillTracking', { entries: [{ orderId: orderB, trackingNo: NUMBER }] }, MERCHANT)),
    ).toEqual({
      ok: true,
      results: [{ ok: false, reason: 'number_on_other_order', message: `${NUMBER} is already on order ${orderA}`, otherOrderId: orderA }],
    })
    // Under another carrier too: the number is what is taken.
    expect(
      await rig.writesNothing(() =>
        rig.call('backfillTracking', { entries: [{ orderId: orderB, trackingNo: NUMBER, carrier: 'ZTO' }] }, MERCHANT),
      ),
    ).toMatchObject({
      results: [{ ok: false, reason: 'number_on_other_order', otherOrderId: orderA }],
    })
  })

  test('an operator smuggled in as the order id, and an unknown order', async () => {
    expect(
      await rig.writesNothing(() =>
        rig.call(
          'backfillTracking',
          {
            entries: [
              { orderId: { $ne: null }, trackingNo: 'YT1400000000103' },
              { orderId: 'no-such-order', trackingNo: 'YT1400000000103' },
            ],
          },
          MERCHANT,
        ),
      ),
    ).toEqual({
      ok: true,
      results: [
        { ok: false, reason: 'invalid_entry', message: 'orderId: Invalid input: expected string, received object' },
        { ok: false, reason: 'order_not_found', message: 'no order no-such-order' },
      ],
    })
  })

  test('an allocation the order cannot cover', async () => {
    expect(
      await rig.writesNothing(() =>
        rig.call(
          'backfillTracking',
          { entries: [{ orderId: orderB, trackingNo: 'YT1400000000104', items: [{ productId: 'prod-cotton-tote', quantity: 2 }] }] },
          MERCHANT,
        ),
      ),
    ).toEqual({
      ok: true,
      results: [{ ok: false, reason: 'invalid_items', message: 'prod-cotton-tote: 2 requested, 1 left to ship' }],
    })
  })

  test('an HTTP-shaped event from a page without the warehouse HMAC', async () => {
    const imitation = {
      path: '/warehouse/backfill',
      httpMethod: 'POST',
      headers: {},
      body: JSON.stringify({ entries: [{ orderId: orderB, trackingNo: 'YT1400000000105' }] }),
      isBase64Encoded: false,
    }
    expect(await rig.writesNothing(() => rig.call('backfillTracking', imitation, MERCHANT))).toEqual({
      isBase64Encoded: false,
      statusCode: 401,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        ok: false,
        reason: 'unauthorised',
        message: `send ${WAREHOUSE_TIMESTAMP_HEADER} and ${WAREHOUSE_SIGNATURE_HEADER}`,
      }),
    })
  })

  test('a warehouse request with a wrong signature or a stale timestamp', async () => {
    const body = JSON.stringify({ entries: [{ orderId: orderB, trackingNo: 'YT1400000000106' }] })
    const headers = (timestamp: number, signature: string) => ({
      'content-type': 'application/json',
      authorization: 'Bearer warehouse-api-key',
      [WAREHOUSE_TIMESTAMP_HEADER]: String(timestamp),
      [WAREHOUSE_SIGNATURE_HEADER]: signature,
    })
    const wrong = await rig.writesNothing(() => rig.http('/warehouse/backfill', body, headers(rig.clock.now(), 'ab'.repeat(32))))
    expect([wrong.status, JSON.parse(wrong.body)]).toEqual([
      401,
      { ok: false, reason: 'unauthorised', message: 'signature does not match the body' },
    ])
    const stale = await rig.writesNothing(() =>
      rig.http('/warehouse/backfill', body, headers(rig.clock.now() - 6 * 60_000, 'ab'.repeat(32))),
    )
    expect([stale.status, JSON.parse(stale.body)]).toEqual([
      401,
      { ok: false, reason: 'unauthorised', message: 'x-warehouse-timestamp must be epoch ms within 5 minutes of now' },
    ])
  })
})

describe('receiveTrackingPush refuses', () => {
  const traces = [{ time: '2025-01-02 08:00:00', text: '【上海市】已签收', action: '301' }]
  const requestData = kdniaoRequestData([{ shipper: 'YTO', number: NUMBER, state: '3', traces }])

  test('a Kdniao push signed with another key', async () => {
    const answer = await rig.writesNothing(() => rig.http('/tracking/push/kdniao', kdniaoPush(requestData, 'not-the-app-key'), FORM))
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.body)).toEqual({
      EBusinessID: '1900001',
      UpdateTime: '2025-01-02 08:00:00',
      Success: false,
      Reason: 'signature rejected: DataSign does not match RequestData',
    })
  })

  test('a Kuaidi100 push signed with another salt, or not signed at all', async () => {
    const param = {
      status: 'polling',
      message: '',
      autoCheck: '0',
      comOld: '',
      comNew: '',
      lastResult: { message: 'ok', state: '3', status: '200', condition: 'F00', ischeck: '1', com: 'yuantong', nu: NUMBER, data: [] },
    }
    const wrong = await rig.writesNothing(() => rig.http('/tracking/push/kuaidi100', kuaidi100Push(param, 'another-salt'), FORM))
    expect([wrong.status, JSON.parse(wrong.body)]).toEqual([
      401,
      { result: false, returnCode: '500', message: 'signature rejected: sign does not match param' },
    ])
    const unsigned = await rig.writesNothing(() => rig.http('/tracking/push/kuaidi100', form([['param', JSON.stringify(param)]]), FORM))
    expect([unsigned.status, JSON.parse(unsigned.body)]).toEqual([
      401,
      { result: false, returnCode: '500', message: 'signature rejected: sign missing' },
    ])
  })

  test('malformed bodies: no RequestData, or signed RequestData that is not JSON', async () => {
    const missing = await rig.writesNothing(() => rig.http('/tracking/push/kdniao', form([['RequestType', '102']]), FORM))
    expect([missing.status, JSON.parse(missing.body).Reason]).toEqual([400, 'malformed push: RequestData missing'])
    const notJson = await rig.writesNothing(() => rig.http('/tracking/push/kdniao', kdniaoPush('{"EBusinessID":'), FORM))
    expect([notJson.status, JSON.parse(notJson.body).Reason]).toEqual([400, 'malformed push: RequestData is not JSON'])
    const badEncoding = await rig.writesNothing(() => rig.http('/tracking/push/kdniao', 'RequestData=%E4%ZZ', FORM))
    expect([badEncoding.status, JSON.parse(badEncoding.body).Reason]).toEqual([400, 'malformed push: invalid percent-encoding'])
  })

  test('an oversized body, before reading it', async () => {
    const huge = kdniaoPush(requestData) + '&Padding=' + 'x'.repeat(4 * 1024 * 1024)
    const answer = await rig.writesNothing(() => rig.http('/tracking/push/kdniao', huge, FORM))
    expect([answer.status, JSON.parse(answer.body).Reason]).toEqual([413, 'payload too large: body over 4194304 bytes'])
  })
})

describe('reads refuse', () => {
  test('another shopper’s order is not_found, exactly like a missing one', async () => {
    const other = await rig.writesNothing(() => rig.call('getOrderTracking', { orderId: orderA }, SHOPPER_2))
    const missing = await rig.call('getOrderTracking', { orderId: 'f'.repeat(32) }, SHOPPER_2)
    expect(other).toEqual({ ok: false, reason: 'not_found', message: 'no such order' })
    expect(missing).toEqual(other)
    expect(await rig.call('refreshTracking', { parcelId: `YTO:${NUMBER}` }, SHOPPER_2)).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'no such parcel',
    })
  })

  test.each([
    ['getOrderTracking', { orderId: { $ne: null } }, SHOPPER, 'orderId: Invalid input: expected string, received object'],
    ['refreshTracking', { parcelId: { $gt: '' } }, SHOPPER, 'parcelId: Invalid input: expected string, received object'],
    [
      'merchantConsole',
      { action: 'order', orderId: { $regex: '.*' } },
      MERCHANT,
      'orderId: Invalid input: expected string, received object',
    ],
    ['listMyOrders', { before: { $gt: 0 } }, SHOPPER, 'before: Invalid input: expected number, received object'],
  ])('%s refuses an operator as a value', async (name, data, openid, message) => {
    expect(await rig.writesNothing(() => rig.call(name, data as Record<string, unknown>, openid))).toEqual({
      ok: false,
      reason: 'invalid_input',
      message,
    })
  })

  test('the merchant console and the timers refuse shoppers', async () => {
    expect(await rig.writesNothing(() => rig.call('merchantConsole', { action: 'session' }, SHOPPER))).toEqual({
      ok: false,
      reason: 'not_merchant',
      message: 'this console is for merchants',
    })
    expect(await rig.writesNothing(() => rig.call('pollTracking', {}, SHOPPER))).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'pollTracking runs on its timer',
    })
    expect(await rig.writesNothing(() => rig.call('subscribeTracking', {}, SHOPPER))).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'subscribeTracking runs on its timer',
    })
  })

  test('security rules on the page path: own orders and parcels only, nothing else', async () => {
    const shopper = createCloudbaseClient({ url: rig.cloud.url, envId: rig.cloud.envId, openid: SHOPPER, WebSocket })
    const other = createCloudbaseClient({ url: rig.cloud.url, envId: rig.cloud.envId, openid: SHOPPER_2, WebSocket })
    expect((await shopper.query<{ _id: string }>('orders', { _openid: '{openid}' })).map((order) => order._id)).toEqual([orderA])
    expect(await other.query<{ _id: string }>('parcels', { orderId: orderA, _openid: '{openid}' })).toEqual([])
    expect((await shopper.query<{ _id: string }>('parcels', { orderId: orderA, _openid: '{openid}' })).map((parcel) => parcel._id)).toEqual(
      [`YTO:${NUMBER}`],
    )
    for (const collection of ['pushInbox', 'merchants', 'products']) {
      await expect(shopper.query(collection, {})).rejects.toThrow(/permission/i)
    }
    await expect(shopper.query('orders', { _id: orderB })).rejects.toThrow(/permission/i)
  })
})
