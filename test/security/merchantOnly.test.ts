// Merchant powers without being a merchant: a shopper on every merchant console action and on
// backfill (also claiming the merchant's openid in the input), and anyone on the warehouse HTTP route
// without the gateway key, without or with a wrong HMAC, with a signature moved to another body, and
// with a captured request replayed — inside the 5-minute window (harmless: backfill is idempotent)
// and after it (refused). Each refusal is exact and writes nothing.
import { createHmac } from 'node:crypto'
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { WAREHOUSE_SIGNATURE_HEADER, WAREHOUSE_TIMESTAMP_HEADER } from '../../core/api'
import { ADDRESS, MERCHANT, MINUTE, SHOPPER, WAREHOUSE_SECRET, startRig, type Rig } from '../functions/support/rig'

const NUMBER = 'YT1480000000701'
let rig: Rig
let orderId: string

beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-yunnan-coffee', quantity: 2 }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  orderId = placed.orderId
  const shipped = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId, trackingNo: NUMBER, carrier: 'YTO', items: [{ productId: 'prod-yunnan-coffee', quantity: 1 }] }] },
    MERCHANT,
  )
  expect(shipped).toMatchObject({ ok: true, results: [{ ok: true }] })
  await rig.settle()
})
afterAll(async () => {
  await rig?.close()
})

describe('a shopper on merchant functions', () => {
  const SPOOF = { openid: MERCHANT, OPENID: MERCHANT, userInfo: { openId: MERCHANT } }
  test.each([
    ['session', { action: 'session' }],
    ['toShip', { action: 'toShip' }],
    ['exceptions', { action: 'exceptions' }],
    ['carrierPerformance', { action: 'carrierPerformance' }],
    ['order', { action: 'order', orderId: 'ORDER' }],
    ['refreshParcel', { action: 'refreshParcel', parcelId: `YTO:${NUMBER}` }],
    ['lookupNumbers', { action: 'lookupNumbers', trackingNos: [NUMBER] }],
  ])('merchantConsole %s: not_merchant, even claiming the merchant’s openid', async (_action, input) => {
    const data = JSON.parse(JSON.stringify(input).replace('ORDER', orderId)) as Record<string, unknown>
    for (const attempt of [data, { ...data, ...SPOOF }]) {
      expect(await rig.writesNothing(() => rig.call('merchantConsole', attempt, SHOPPER))).toEqual({
        ok: false,
        reason: 'not_merchant',
        message: 'this console is for merchants',
      })
    }
  })

  test('backfillTracking: not_merchant for one entry or a batch, even claiming the merchant’s openid', async () => {
    const entries = [
      { orderId, trackingNo: 'YT1480000000702', items: [{ productId: 'prod-yunnan-coffee', quantity: 1 }] },
      { orderId, trackingNo: NUMBER, carrier: 'ZTO' },
    ]
    for (const data of [{ entries: entries.slice(0, 1) }, { entries }, { entries, ...SPOOF }]) {
      expect(await rig.writesNothing(() => rig.call('backfillTracking', data, SHOPPER))).toEqual({
        ok: false,
        reason: 'not_merchant',
        message: 'only merchants can backfill tracking numbers',
      })
    }
  })

  test('no identity at all is not a merchant either', async () => {
    expect(await rig.writesNothing(() => rig.cloud.invoke('merchantConsole', { action: 'session' }))).toEqual({
      ok: false,
      reason: 'not_signed_in',
      message: 'sign in as a merchant',
    })
  })
})

describe('the warehouse route POST /warehouse/backfill', () => {
  const body = () =>
    JSON.stringify({ entries: [{ orderId, trackingNo: 'YT1480000000703', items: [{ productId: 'prod-yunnan-coffee', quantity: 1 }] }] })
  const sign = (timestamp: string, text: string, secret = WAREHOUSE_SECRET) =>
    createHmac('sha256', secret).update(`${timestamp}.${text}`).digest('hex')
  const headers = (timestamp: string, signature: string) => ({
    'content-type': 'application/json',
    authorization: 'Bearer warehouse-api-key',
    [WAREHOUSE_TIMESTAMP_HEADER]: timestamp,
    [WAREHOUSE_SIGNATURE_HEADER]: signature,
  })
  const unauthorised = (message: string) => [401, { ok: false, reason: 'unauthorised', message }]
  const post = async (text: string, sent: Record<string, string>) => {
    const answer = await rig.writesNothing(() => rig.http('/warehouse/backfill', text, sent))
    return [answer.status, JSON.parse(answer.body)]
  }
  const now = () => String(rig.clock.now())

  test('without the gateway key (身份认证), refused before the function runs', async () => {
    const { authorization: _dropped, ...noKey } = headers(now(), sign(now(), body()))
    expect(await post(body(), noKey)).toEqual([401, expect.objectContaining({ code: 'MISSING_CREDENTIALS' })])
  })

  test.each([
    [
      'no HMAC headers',
      () => ({ 'content-type': 'application/json', authorization: 'Bearer warehouse-api-key' }),
      'send x-warehouse-timestamp and x-warehouse-signature',
    ],
    ['a signature of the wrong length', () => headers(now(), 'ab'.repeat(16)), 'signature does not match the body'],
    ['a signature that is not hex', () => headers(now(), 'z'.repeat(64)), 'signature does not match the body'],
    [
      'an HMAC under another secret',
      () => headers(now(), sign(now(), body(), 'not-the-warehouse-secret')),
      'signature does not match the body',
    ],
    [
      'a real signature of another body',
      () => headers(now(), sign(now(), body().replace('0703', '0704'))),
      'signature does not match the body',
    ],
    [
      'a real signature of another timestamp',
      () => headers(now(), sign(String(rig.clock.now() - 1), body())),
      'signature does not match the body',
    ],
    [
      'a valid HMAC signed 6 minutes ago',
      () => headers(String(rig.clock.now() - 6 * MINUTE), sign(String(rig.clock.now() - 6 * MINUTE), body())),
      'x-warehouse-timestamp must be epoch ms within 5 minutes of now',
    ],
    [
      'a valid HMAC dated 6 minutes ahead',
      () => headers(String(rig.clock.now() + 6 * MINUTE), sign(String(rig.clock.now() + 6 * MINUTE), body())),
      'x-warehouse-timestamp must be epoch ms within 5 minutes of now',
    ],
    [
      'a timestamp that is not epoch ms',
      () => headers('yesterday', sign('yesterday', body())),
      'x-warehouse-timestamp must be epoch ms within 5 minutes of now',
    ],
  ])('refuses %s', async (_label, sent, message) => {
    expect(await post(body(), sent())).toEqual(unauthorised(message))
  })

  test('refuses a body over 1 MiB before checking anything', async () => {
    const huge = JSON.stringify({ entries: [], padding: 'x'.repeat(1024 * 1024) })
    expect(await post(huge, headers(now(), sign(now(), huge)))).toEqual([
      413,
      { ok: false, reason: 'invalid_input', message: 'body over 1048576 bytes' },
    ])
  })

  test('a captured request replayed: inside the window it changes nothing, after it it is refused', async () => {
    const timestamp = now()
    const captured = headers(timestamp, sign(timestamp, body()))
    const first = await rig.http('/warehouse/backfill', body(), captured)
    expect([first.status, JSON.parse(first.body)]).toEqual([
      200,
      { ok: true, results: [expect.objectContaining({ ok: true, outcome: 'created' })] },
    ])

    await rig.advance(4 * MINUTE)
    expect(await post(body(), captured)).toEqual([
      200,
      { ok: true, results: [expect.objectContaining({ ok: true, outcome: 'unchanged' })] },
    ])
    await rig.advance(2 * MINUTE)
    expect(await post(body(), captured)).toEqual(unauthorised('x-warehouse-timestamp must be epoch ms within 5 minutes of now'))
  })
})
