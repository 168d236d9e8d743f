// The shopper's and the merchant's functions: the catalogue, checkout under contention (never
// oversells), my orders newest first with paging, and every merchant console action.
import type { BackfillTrackingResult, CreateOrderResult, ListMyOrdersResult, ListProductsResult, OrderDoc, ParcelDoc } from '../../core/api'
import { ADDRESS, DAY, HOUR, MERCHANT, MINUTE, SHOPPER, SHOPPER_2, startRig, type Rig } from './support/rig'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
})
afterAll(async () => {
  await rig?.close()
})

const place = (openid: string, productId: string, quantity = 1, address: Record<string, unknown> = ADDRESS) =>
  rig.call<CreateOrderResult>('createOrder', { items: [{ productId, quantity }], address }, openid)

test('the catalogue, priced in fen, with the sold-out item shown as such', async () => {
  const listed = await rig.call<ListProductsResult>('listProducts', {}, SHOPPER)
  if (!listed.ok) throw new Error(listed.message)
  expect(listed.products).toHaveLength(8)
  expect(listed.products.find((p) => p._id === 'prod-longjing-tea')).toMatchObject({ title: '明前龙井 250g', priceFen: 16800, stock: 40 })
  expect(listed.products.find((p) => p._id === 'prod-sichuan-pepper')?.stock).toBe(0)
  expect(await place(SHOPPER, 'prod-sichuan-pepper')).toEqual({ ok: false, reason: 'out_of_stock', message: '汉源花椒 100g: 0 left' })
  expect(await place(SHOPPER, 'no-such-product')).toEqual({ ok: false, reason: 'product_not_found', message: 'no product no-such-product' })
})

test('20 concurrent orders on a stock of 5 sell exactly 5', async () => {
  await rig.cloud.db.put('products', {
    _id: 'prod-limited',
    title: '限量款',
    priceFen: 9900,
    image: '/assets/products/limited.png',
    stock: 5,
    description: 'five only',
    createdAt: 1,
  })
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => place(i % 2 === 0 ? SHOPPER : SHOPPER_2, 'prod-limited')))
  const sold = results.filter((result) => result.ok)
  expect(sold).toHaveLength(5)
  expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.reason === 'out_of_stock')).toBe(true)
  expect((await rig.cloud.db.get('products', 'prod-limited'))?.stock).toBe(0)
  expect(await rig.cloud.db.count('orders', { 'items.productId': 'prod-limited' })).toBe(5)
}, 60_000)

test('the receiver phone is stored masked, the last four clear', async () => {
  const placed = await place(SHOPPER, 'prod-ceramic-mug', 1, { ...ADDRESS, telNumber: '+86 139-1234-8765', postalCode: '' })
  if (!placed.ok) throw new Error(placed.message)
  const stored = (await rig.cloud.db.get('orders', placed.orderId)) as unknown as OrderDoc
  expect(stored.address).toEqual({
    ...ADDRESS,
    telMasked: '139****8765',
    postalCode: null,
    telNumber: undefined,
    nationalCode: undefined,
    errMsg: undefined,
  })
  expect(JSON.stringify(stored)).not.toContain('12348765')
  expect([stored.status, stored.payment.provider, stored.payment.transactionId]).toEqual([
    'PAID',
    'simulated',
    expect.stringMatching(/^4200000000\d{18}$/),
  ])
})

test('my orders: mine only, newest first, a page at a time, with the latest logistics line', async () => {
  const mine: string[] = []
  for (let i = 0; i < 3; i += 1) {
    await rig.advance(MINUTE)
    const placed = await place(SHOPPER_2, 'prod-cotton-tote')
    if (placed.ok) mine.push(placed.orderId)
  }
  await rig.call<BackfillTrackingResult>('backfillTracking', { entries: [{ orderId: mine[2], trackingNo: 'YT1400000000601' }] }, MERCHANT)
  await rig.advance(HOUR)
  const first = await rig.call<ListMyOrdersResult>('listMyOrders', { limit: 2 }, SHOPPER_2)
  if (!first.ok) throw new Error(first.message)
  expect(first.orders.map((order) => order._id)).toEqual([mine[2], mine[1]])
  expect(first.orders[0]?.parcels[0]?.lastEvent?.text).toMatch(/揽收/)
  expect(first.orders.every((order) => order._openid === SHOPPER_2)).toBe(true)
  const next = await rig.call<ListMyOrdersResult>('listMyOrders', { limit: 2, before: first.nextBefore }, SHOPPER_2)
  if (!next.ok) throw new Error(next.message)
  expect(next.orders[0]?._id).toBe(mine[0])
})

describe('merchant console', () => {
  let orderId: string
  beforeAll(async () => {
    const placed = await place(SHOPPER, 'prod-bamboo-cutting-board', 2, {
      ...ADDRESS,
      userName: '王小明',
      provinceName: '上海市',
      cityName: '上海市',
    })
    if (!placed.ok) throw new Error(placed.message)
    orderId = placed.orderId
  })

  test('session and toShip (searchable)', async () => {
    expect(await rig.call('merchantConsole', { action: 'session' }, MERCHANT)).toEqual({
      ok: true,
      merchant: { openid: MERCHANT, name: 'Dev Merchant' },
    })
    const found = await rig.call<{ ok: true; orders: OrderDoc[] }>('merchantConsole', { action: 'toShip', search: '小明' }, MERCHANT)
    expect(found.orders.map((order) => order._id)).toEqual([orderId])
    const byPhone = await rig.call<{ ok: true; orders: OrderDoc[] }>(
      'merchantConsole',
      { action: 'toShip', search: '5678', limit: 20 },
      MERCHANT,
    )
    expect(byPhone.orders.length).toBeGreaterThan(1)
    expect(byPhone.orders.every((order) => order.status === 'PAID' || order.status === 'PARTIALLY_SHIPPED')).toBe(true)
  })

  test('exceptions, carrier performance, one order, and number lookup', async () => {
    rig.sandbox.assignScenario('YT1400000000602', 'failed-then-delivered')
    rig.sandbox.assignScenario('SF1400000000603', 'sf-normal')
    rig.sandbox.assignScenario('YT1400000000604', 'stuck')
    const stuckOrder = await place(SHOPPER, 'prod-bamboo-cutting-board')
    if (!stuckOrder.ok) throw new Error(stuckOrder.message)
    await rig.call(
      'backfillTracking',
      {
        entries: [
          { orderId, trackingNo: 'YT1400000000602', items: [{ productId: 'prod-bamboo-cutting-board', quantity: 1 }] },
          { orderId, trackingNo: 'SF1400000000603', items: [{ productId: 'prod-bamboo-cutting-board', quantity: 1 }] },
          { orderId: stuckOrder.orderId, trackingNo: 'YT1400000000604' },
        ],
      },
      MERCHANT,
    )
    const shippedAt = rig.clock.now()
    type Exceptions = { ok: true; items: Array<{ parcelId: string; kind: string; ageMs: number; lastEvent: { text: string } | null }> }
    const exceptionKinds = async () => {
      const exceptions = await rig.call<Exceptions>('merchantConsole', { action: 'exceptions' }, MERCHANT)
      expect(exceptions.items.every((item, i) => i === 0 || item.ageMs <= (exceptions.items[i - 1]?.ageMs ?? item.ageMs))).toBe(true)
      return Object.fromEntries(exceptions.items.map((item) => [item.parcelId, [item.kind, item.lastEvent?.text]]))
    }
    await rig.advance(1560 * MINUTE) // the first delivery attempt failed at minute 1500
    const during = await exceptionKinds()
    expect(during['YTO:YT1400000000602']).toEqual([
      'delivery_failed',
      '【上海市】快件派送不成功（收件人电话无人接听），待再次派送，如有疑问请电联：139****3344',
    ])
    expect(during['YTO:YT1400000000604']).toBeUndefined()
    await rig.advance(2 * DAY) // redelivered and signed; the 'stuck' parcel has been silent for over 48 h
    const after = await exceptionKinds()
    expect(after['YTO:YT1400000000604']?.[0]).toBe('stuck')
    expect([after['YTO:YT1400000000602'], after['SF:SF1400000000603']]).toEqual([undefined, undefined])

    const performance = await rig.call<{ ok: true; byCarrier: Array<Record<string, unknown>>; byProvince: Array<Record<string, unknown>> }>(
      'merchantConsole',
      { action: 'carrierPerformance', sinceDays: 30 },
      MERCHANT,
    )
    const sf = performance.byCarrier.find((row) => row.carrier === 'SF')
    const sfParcel = (await rig.cloud.db.get('parcels', 'SF:SF1400000000603')) as unknown as ParcelDoc
    expect(sfParcel.status).toBe('DELIVERED')
    expect(sf).toMatchObject({ parcels: 1, delivered: 1, medianHours: 28, p90Hours: 28, exceptionRate: 0 })
    expect(performance.byProvince.find((row) => row.province === '上海市')).toMatchObject({ delivered: 2 })
    expect(shippedAt).toBeLessThan(sfParcel.deliveredAt ?? 0)

    const one = await rig.call<{ ok: true; order: OrderDoc; parcels: ParcelDoc[] }>(
      'merchantConsole',
      { action: 'order', orderId },
      MERCHANT,
    )
    expect([one.order.status, one.parcels.map((p) => p._id)]).toEqual(['DELIVERED', ['YTO:YT1400000000602', 'SF:SF1400000000603']])
    expect(await rig.call('merchantConsole', { action: 'order', orderId: 'no-such-order' }, MERCHANT)).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'no such order',
    })

    expect(
      await rig.call(
        'merchantConsole',
        { action: 'lookupNumbers', trackingNos: ['sf 1400 0000 00603', 'YT9999999999999', '??'] },
        MERCHANT,
      ),
    ).toEqual({ ok: true, used: [{ trackingNo: 'SF1400000000603', parcelId: 'SF:SF1400000000603', orderId }] })
  }, 60_000)
})
