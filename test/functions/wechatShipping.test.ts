// WeChat 发货信息 through the real SDK and the local cloud's 云调用: one upload per order per backfill
// call (split mode, both numbers, SF's masked contact), the one update a payment allows, a refused
// further change with its reason, system faults retried by the timer without a second upload, and the
// confirm-receipt reminder once per order.
import type { BackfillTrackingResult, CreateOrderResult, OrderDoc } from '../../core/api'
import { ADDRESS, MERCHANT, MINUTE, SHOPPER, startRig, type Rig } from './support/rig'
import { kdniaoPush, kdniaoRequestData } from './support/pushes'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
})
afterAll(async () => {
  await rig?.close()
})
afterEach(() => rig.cloud.faults.clear())

const UPLOAD = 'wxa.sec.order.uploadShippingInfo'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

async function order(
  items = [
    { productId: 'prod-ceramic-mug', quantity: 1 },
    { productId: 'prod-silk-scarf', quantity: 1 },
  ],
): Promise<string> {
  const placed = await rig.call<CreateOrderResult>('createOrder', { items, address: ADDRESS }, SHOPPER)
  if (!placed.ok) throw new Error(placed.message)
  return placed.orderId
}
const backfill = (entries: unknown[]) => rig.call<BackfillTrackingResult>('backfillTracking', { entries }, MERCHANT)
const orderDoc = async (id: string) => (await rig.cloud.db.get('orders', id)) as unknown as OrderDoc
const uploadsOf = (transactionId: string) =>
  rig.cloud
    .openApiCalls()
    .filter((call) => call.api === UPLOAD && (call.data.order_key as { transaction_id: string }).transaction_id === transactionId)

test('two parcels of one paid order in one backfill call: one upload, split mode, both numbers, SF with a masked contact', async () => {
  const orderId = await order()
  const result = await backfill([
    { orderId, trackingNo: 'SF1400000000701', phoneTail: '5678', items: [{ productId: 'prod-ceramic-mug', quantity: 1 }] },
    { orderId, trackingNo: 'YT1400000000702', items: [{ productId: 'prod-silk-scarf', quantity: 1 }] },
  ])
  expect(result).toMatchObject({
    results: [
      { ok: true, outcome: 'created' },
      { ok: true, outcome: 'created' },
    ],
  })
  const placed = await orderDoc(orderId)
  expect(placed.payment.transactionId).toMatch(/^4200000000\d{18}$/)
  const uploads = uploadsOf(placed.payment.transactionId)
  expect(uploads).toHaveLength(1)
  expect(uploads[0]).toMatchObject({ errcode: 0, caller: { functionName: 'backfillTracking' } })
  expect(uploads[0]?.data).toEqual({
    order_key: { order_number_type: 2, transaction_id: placed.payment.transactionId },
    logistics_type: 1,
    delivery_mode: 2,
    is_all_delivered: true,
    shipping_list: [
      {
        tracking_no: 'SF1400000000701',
        express_company: 'SF',
        item_desc: '景德镇手绘马克杯*1',
        contact: { receiver_contact: '138****5678' },
      },
      { tracking_no: 'YT1400000000702', express_company: 'YTO', item_desc: '杭州真丝围巾*1' },
    ],
    upload_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/),
    payer: { openid: SHOPPER },
  })
  expect(placed.shippingSync).toMatchObject({
    state: 'synced',
    uploads: 1,
    lastError: null,
    uploadedParcels: ['SF:SF1400000000701', 'YTO:YT1400000000702'],
  })
})

test('the one update a payment allows is used by a later change; a further change is refused with its reason, never sent', async () => {
  const orderId = await order([{ productId: 'prod-ceramic-mug', quantity: 2 }])
  await backfill([{ orderId, trackingNo: 'YT1400000000703', items: [{ productId: 'prod-ceramic-mug', quantity: 1 }] }])
  const transactionId = (await orderDoc(orderId)).payment.transactionId
  expect(uploadsOf(transactionId).map((call) => [call.data.delivery_mode, call.data.is_all_delivered])).toEqual([[2, false]])
  // Re-submitting the same entry changes nothing and uploads nothing.
  await backfill([{ orderId, trackingNo: 'YT1400000000703', items: [{ productId: 'prod-ceramic-mug', quantity: 1 }] }])
  expect(uploadsOf(transactionId)).toHaveLength(1)
  await backfill([{ orderId, trackingNo: 'YT1400000000704', items: [{ productId: 'prod-ceramic-mug', quantity: 1 }] }])
  expect(
    uploadsOf(transactionId).map((call) => [
      call.data.delivery_mode,
      call.data.is_all_delivered,
      (call.data.shipping_list as unknown[]).length,
    ]),
  ).toEqual([
    [2, false, 1],
    [2, true, 2],
  ])
  expect((await orderDoc(orderId)).shippingSync).toMatchObject({ state: 'synced', uploads: 2 })
  // A correction after the update: refused here with the reason the merchant sees.
  await backfill([{ orderId, trackingNo: '75000000000705', carrier: 'ZTO', replaces: 'YTO:YT1400000000704' }])
  expect(uploadsOf(transactionId)).toHaveLength(2)
  expect((await orderDoc(orderId)).shippingSync).toMatchObject({
    state: 'failed',
    uploads: 2,
    lastError: expect.stringContaining('只允许每笔支付修改一次'),
  })
})

test('system faults leave the order pending; the timer retries with backoff and uploads exactly once', async () => {
  const orderId = await order([{ productId: 'prod-ceramic-mug', quantity: 1 }])
  rig.cloud.faults.failOpenApi({ api: UPLOAD, errcode: -604103, times: 2 })
  await backfill([{ orderId, trackingNo: 'YT1400000000706' }])
  const transactionId = (await orderDoc(orderId)).payment.transactionId
  expect((await orderDoc(orderId)).shippingSync).toMatchObject({
    state: 'pending',
    attempts: 1,
    lastError: expect.stringContaining('-604103'),
  })
  await rig.cloud.fireTimer('notifyWechat')
  // Not due yet (the first retry waits a minute): nothing tried.
  expect(uploadsOf(transactionId)).toHaveLength(1)
  await rig.advance(MINUTE + 1)
  await rig.cloud.fireTimer('notifyWechat')
  expect((await orderDoc(orderId)).shippingSync).toMatchObject({ state: 'pending', attempts: 2 })
  await rig.advance(2 * MINUTE + 1)
  await rig.cloud.fireTimer('notifyWechat')
  await rig.cloud.fireTimer('notifyWechat')
  expect(uploadsOf(transactionId).map((call) => call.errcode)).toEqual([-604103, -604103, 0])
  expect((await orderDoc(orderId)).shippingSync).toMatchObject({ state: 'synced', uploads: 1, attempts: 0, lastError: null })
})

test('the merchant retries a failed sync; a data error is shown, not retried by the timer', async () => {
  const orderId = await order([{ productId: 'prod-ceramic-mug', quantity: 1 }])
  rig.cloud.faults.failOpenApi({ api: UPLOAD, errcode: 10060001 })
  await backfill([{ orderId, trackingNo: 'YT1400000000707' }])
  expect((await orderDoc(orderId)).shippingSync).toMatchObject({ state: 'failed', lastError: expect.stringContaining('10060001') })
  await rig.advance(10 * MINUTE)
  await rig.cloud.fireTimer('notifyWechat')
  expect((await orderDoc(orderId)).shippingSync?.state).toBe('failed')
  const retried = await rig.call<{ ok: boolean; shippingSync: unknown }>(
    'merchantConsole',
    { action: 'retryShippingSync', orderId },
    MERCHANT,
  )
  expect(retried).toMatchObject({ ok: true, shippingSync: { state: 'synced', uploads: 1 } })
})

test('when every parcel is delivered, WeChat is reminded to confirm receipt once', async () => {
  const orderId = await order([{ productId: 'prod-ceramic-mug', quantity: 1 }])
  await backfill([{ orderId, trackingNo: 'YT1400000000708' }])
  const delivered = kdniaoPush(
    kdniaoRequestData([
      {
        shipper: 'YTO',
        number: 'YT1400000000708',
        state: '3',
        traces: [
          { time: '2025-01-02 09:00:00', text: '【杭州市】已揽收', action: '1' },
          { time: '2025-01-02 18:00:00', text: '【北京市】已签收，签收人：本人', action: '301' },
        ],
      },
    ]),
  )
  await rig.http('/tracking/push/kdniao', delivered, FORM)
  await rig.http('/tracking/push/kdniao', delivered, FORM)
  await rig.settle()
  expect((await orderDoc(orderId)).status).toBe('DELIVERED')
  await rig.cloud.fireTimer('notifyWechat')
  await rig.cloud.fireTimer('notifyWechat')
  const transactionId = (await orderDoc(orderId)).payment.transactionId
  const reminders = rig.cloud
    .openApiCalls()
    .filter((call) => call.api === 'wxa.sec.order.notifyConfirmReceive' && call.data.transaction_id === transactionId)
  expect(reminders).toEqual([
    expect.objectContaining({ errcode: 0, data: { transaction_id: transactionId, received_time: expect.any(Number) } }),
  ])
  expect((await orderDoc(orderId)).shippingSync?.confirmReminder).toBe('sent')
})
