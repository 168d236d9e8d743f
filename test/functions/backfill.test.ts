// Backfill beyond the happy path: re-submitting is idempotent, a correction supersedes, split
// shipments, the warehouse route, a 500-entry batch that the timer finishes, and an aggregator
// outage that delays subscriptions without losing one.
import type { BackfillTrackingResult, CreateOrderResult, OrderDoc, ParcelDoc } from '../../core/api'
import { WAREHOUSE_SIGNATURE_HEADER, WAREHOUSE_TIMESTAMP_HEADER } from '../../core/api'
import { createHmac } from 'node:crypto'
import { ADDRESS, MERCHANT, MINUTE, SHOPPER, WAREHOUSE_SECRET, startRig, type Rig } from './support/rig'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({
    vendor: 'kdniao',
    // 0.2 s at 50/s: backfill subscribes 10 parcels itself; the timer takes 200 per run.
    env: { VENDOR_QPS: '50', SUBSCRIBE_INLINE_BUDGET_MS: '200', SUBSCRIBE_BATCH_LIMIT: '200' },
  })
  await rig.cloud.db.put('products', {
    _id: 'prod-bulk',
    title: '批量测试商品',
    priceFen: 100,
    image: '/assets/products/bulk.png',
    stock: 10_000,
    description: 'bulk',
    createdAt: 0,
  })
})
afterAll(async () => {
  await rig?.close()
})

async function order(items: Array<{ productId: string; quantity: number }> = [{ productId: 'prod-bulk', quantity: 1 }]): Promise<string> {
  const placed = await rig.call<CreateOrderResult>('createOrder', { items, address: ADDRESS }, SHOPPER)
  if (!placed.ok) throw new Error(placed.message)
  return placed.orderId
}
const backfill = (entries: unknown[]) => rig.call<BackfillTrackingResult>('backfillTracking', { entries }, MERCHANT)
const parcel = async (id: string) => (await rig.cloud.db.get('parcels', id)) as unknown as ParcelDoc
const orderDoc = async (id: string) => (await rig.cloud.db.get('orders', id)) as unknown as OrderDoc
const subscriptionsOf = (trackingNo: string) => rig.sandbox.subscriptions().filter((s) => s.trackingNo === trackingNo)

test('re-submitting the same entry changes nothing: no second parcel, no second subscription', async () => {
  const orderId = await order()
  const first = await backfill([{ orderId, trackingNo: 'YT1400000000201' }])
  expect(first).toMatchObject({ ok: true, results: [{ ok: true, outcome: 'created', subscription: 'subscribed' }] })
  const before = await rig.snapshot()
  const sandboxSubscriptions = rig.sandbox.subscriptions().length
  const again = await backfill([
    { orderId, trackingNo: 'YT 1400 0000 00201' },
    { orderId, trackingNo: 'YT1400000000201', carrier: 'YTO' },
  ])
  expect(again).toEqual({
    ok: true,
    results: Array.from({ length: 2 }, () => ({
      ok: true,
      parcelId: 'YTO:YT1400000000201',
      carrier: 'YTO',
      trackingNo: 'YT1400000000201',
      outcome: 'unchanged',
      subscription: 'subscribed',
    })),
  })
  expect(await rig.snapshot()).toEqual(before)
  expect(rig.sandbox.subscriptions().length).toBe(sandboxSubscriptions)
})

test('a correction supersedes the old parcel, keeps its 包裹 number and subscribes the new one', async () => {
  const orderId = await order()
  await backfill([{ orderId, trackingNo: 'YT1400000000202' }])
  const corrected = await backfill([{ orderId, trackingNo: '75000000000203', carrier: 'ZTO', replaces: 'YTO:YT1400000000202' }])
  expect(corrected).toEqual({
    ok: true,
    results: [
      {
        ok: true,
        parcelId: 'ZTO:75000000000203',
        carrier: 'ZTO',
        trackingNo: '75000000000203',
        outcome: 'replaced',
        subscription: 'subscribed',
      },
    ],
  })
  const old = await parcel('YTO:YT1400000000202')
  expect([old.supersededBy, old.subscription.state, old.seq]).toEqual(['ZTO:75000000000203', 'stopped', 1])
  expect((await parcel('ZTO:75000000000203')).seq).toBe(1)
  const summary = (await orderDoc(orderId)).parcels.map((p) => [p.parcelId, p.seq, p.superseded])
  expect(summary).toEqual([
    ['ZTO:75000000000203', 1, false],
    ['YTO:YT1400000000202', 1, true],
  ])
  expect(subscriptionsOf('75000000000203')).toHaveLength(1)
  // The correction re-submitted is idempotent as well; replacing a parcel that is already replaced is refused.
  expect(await backfill([{ orderId, trackingNo: '75000000000203', carrier: 'ZTO', replaces: 'YTO:YT1400000000202' }])).toMatchObject({
    results: [{ ok: true, outcome: 'unchanged' }],
  })
  expect(await backfill([{ orderId, trackingNo: 'YT1400000000204', replaces: 'YTO:YT1400000000202' }])).toEqual({
    ok: true,
    results: [{ ok: false, reason: 'replaced_parcel_not_found', message: `no active parcel YTO:YT1400000000202 on order ${orderId}` }],
  })
  // The old number is free again for another order: a superseded parcel holds nothing.
  const other = await order()
  expect(await backfill([{ orderId: other, trackingNo: 'JT1400000000205' }])).toMatchObject({ results: [{ ok: true, outcome: 'created' }] })
})

test('split shipments: partially shipped until the allocations cover the order', async () => {
  const orderId = await order([
    { productId: 'prod-bulk', quantity: 3 },
    { productId: 'prod-cotton-tote', quantity: 1 },
  ])
  await backfill([{ orderId, trackingNo: 'YT1400000000206', items: [{ productId: 'prod-bulk', quantity: 2 }] }])
  expect((await orderDoc(orderId)).status).toBe('PARTIALLY_SHIPPED')
  const second = await backfill([
    {
      orderId,
      trackingNo: 'YT1400000000207',
      items: [
        { productId: 'prod-bulk', quantity: 1 },
        { productId: 'prod-cotton-tote', quantity: 1 },
      ],
    },
  ])
  expect(second).toMatchObject({ results: [{ ok: true, outcome: 'created' }] })
  const shipped = await orderDoc(orderId)
  expect([shipped.status, shipped.parcels.map((p) => [p.seq, p.items?.map((item) => `${item.productId}×${item.quantity}`)])]).toEqual([
    'SHIPPED',
    [
      [1, ['prod-bulk×2']],
      [2, ['prod-bulk×1', 'prod-cotton-tote×1']],
    ],
  ])
})

test('a warehouse system backfills over HTTP with an HMAC of the raw body', async () => {
  const orderId = await order()
  const body = JSON.stringify({
    entries: [
      { orderId, trackingNo: 'YT1400000000208' },
      { orderId: 'missing-order', trackingNo: 'YT1400000000209' },
    ],
  })
  const timestamp = String(rig.clock.now())
  const signature = createHmac('sha256', WAREHOUSE_SECRET).update(`${timestamp}.${body}`).digest('hex')
  const answer = await rig.http('/warehouse/backfill', body, {
    'content-type': 'application/json',
    authorization: 'Bearer warehouse-api-key',
    [WAREHOUSE_TIMESTAMP_HEADER]: timestamp,
    [WAREHOUSE_SIGNATURE_HEADER]: signature,
  })
  expect(answer.status).toBe(200)
  expect(JSON.parse(answer.body)).toEqual({
    ok: true,
    results: [
      {
        ok: true,
        parcelId: 'YTO:YT1400000000208',
        carrier: 'YTO',
        trackingNo: 'YT1400000000208',
        outcome: 'created',
        subscription: 'subscribed',
      },
      { ok: false, reason: 'order_not_found', message: 'no order missing-order' },
    ],
  })
})

test('a batch of 500: backfill subscribes what its budget allows, the timer the rest, each exactly once', async () => {
  const orders: string[] = []
  for (let o = 0; o < 100; o += 1) orders.push(await order([{ productId: 'prod-bulk', quantity: 5 }]))
  const entries = orders.flatMap((orderId, o) =>
    Array.from({ length: 5 }, (_, p) => ({
      orderId,
      trackingNo: `JT${String(1_500_000_000_000 + o * 5 + p)}`,
      items: [{ productId: 'prod-bulk', quantity: 1 }],
    })),
  )
  const result = await backfill(entries)
  if (!result.ok) throw new Error(result.message)
  expect(result.results).toHaveLength(500)
  expect(result.results.every((entry) => entry.ok && entry.outcome === 'created')).toBe(true)
  const states = result.results.map((entry) => (entry.ok ? entry.subscription : 'refused'))
  expect(states.slice(0, 10).every((state) => state === 'subscribed')).toBe(true)
  expect(states.slice(10).every((state) => state === 'pending')).toBe(true)

  const pendingAfterRun: number[] = []
  for (let run = 0; run < 3; run += 1) {
    await rig.cloud.fireTimer('subscribeTracking')
    pendingAfterRun.push(await rig.cloud.db.count('parcels', { 'subscription.state': 'pending', trackingNo: { $regex: '^JT15' } }))
  }
  expect(pendingAfterRun).toEqual([290, 90, 0])
  const subscribed = rig.sandbox.subscriptions().filter((s) => s.trackingNo.startsWith('JT15'))
  expect(subscribed).toHaveLength(500)
  expect(new Set(subscribed.map((s) => s.trackingNo)).size).toBe(500)
}, 180_000)

test('an aggregator outage delays subscriptions and loses none', async () => {
  const orderId = await order()
  rig.sandbox.setFaults({ outage: { vendor: 'kdniao', mode: 'refuse' } })
  const during = await backfill([{ orderId, trackingNo: 'YT1400000000210' }])
  expect(during).toMatchObject({ results: [{ ok: true, outcome: 'created', subscription: 'pending' }] })
  const afterFirst = (await parcel('YTO:YT1400000000210')).subscription
  expect(afterFirst).toMatchObject({
    state: 'pending',
    attempts: 1,
    nextAttemptAt: rig.clock.now() + MINUTE,
    lastError: 'vendor_error: 系统错误[服务繁忙，请稍后重试]',
  })

  await rig.cloud.fireTimer('subscribeTracking') // not due yet: nothing happens
  expect((await parcel('YTO:YT1400000000210')).subscription.attempts).toBe(1)
  await rig.advance(MINUTE)
  await rig.cloud.fireTimer('subscribeTracking') // due, still down: backs off to 2 min
  expect((await parcel('YTO:YT1400000000210')).subscription).toMatchObject({
    state: 'pending',
    attempts: 2,
    nextAttemptAt: rig.clock.now() + 2 * MINUTE,
  })

  rig.sandbox.setFaults({})
  await rig.advance(2 * MINUTE)
  await rig.cloud.fireTimer('subscribeTracking')
  expect((await parcel('YTO:YT1400000000210')).subscription).toMatchObject({
    state: 'subscribed',
    attempts: 2,
    lastError: null,
    nextAttemptAt: null,
  })
  expect(subscriptionsOf('YT1400000000210')).toHaveLength(1)
  // …and the pushes that follow arrive as usual.
  for (let step = 0; step < 4; step += 1) await rig.advance(12 * 60 * MINUTE)
  expect((await parcel('YTO:YT1400000000210')).status).toBe('DELIVERED')
}, 120_000)
