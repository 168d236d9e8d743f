// Subscribe messages through the real SDK and the local cloud's 云调用: consent recorded by the
// order's owner only, exactly one out-for-delivery message per parcel however the pushes arrive
// (re-sent, re-batched, an older one after), deep-linked and inside WeChat's limits; no credit, no
// message; faults retried without a loss or a second send; 43101 clears the credit.
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { ADDRESS, MERCHANT, MINUTE, SHOPPER, SHOPPER_2, startRig, type Rig } from './support/rig'
import { kdniaoPush, kdniaoRequestData, type KdniaoTrace } from './support/pushes'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
})
afterAll(async () => {
  await rig?.close()
})
afterEach(() => rig.cloud.faults.clear())

const SEND = 'subscribeMessage.send'
const OFD = 'dev-tmpl-out-for-delivery'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

async function shippedOrder(trackingNo: string): Promise<string> {
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-ceramic-mug', quantity: 1 }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  const result = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: placed.orderId, trackingNo }] },
    MERCHANT,
  )
  expect(result).toMatchObject({ results: [{ ok: true }] })
  return placed.orderId
}
const consent = (orderId: string, results: Record<string, string>, openid = SHOPPER) =>
  rig.call<{ ok: boolean; credits?: Array<{ templateId: string; remaining: number }>; reason?: string }>(
    'notificationConsent',
    { action: 'record', orderId, results },
    openid,
  )
const push = async (number: string, traces: KdniaoTrace[], pushTime = '2025-01-02 10:00:00') => {
  const body = kdniaoPush(kdniaoRequestData([{ shipper: 'YTO', number, state: '2', traces }]).replace('2025-01-02 10:00:00', pushTime))
  await rig.http('/tracking/push/kdniao', body, FORM)
  await rig.settle()
}
const sendsTo = (orderId: string) =>
  rig.cloud.openApiCalls().filter((call) => call.api === SEND && call.data.page === `pages/order/detail?id=${orderId}`)
const notification = (id: string) => rig.cloud.db.get('notifications', id)
const drain = async () => {
  await rig.cloud.fireTimer('notifyWechat')
  await rig.settle()
}

const PICKED: KdniaoTrace = { time: '2025-01-01 09:00:00', text: '【杭州市】快件已揽收', action: '1' }
const TRANSIT: KdniaoTrace = { time: '2025-01-01 20:00:00', text: '【杭州转运中心】已发出', action: '2' }
const OUT: KdniaoTrace = {
  time: '2025-01-02 07:30:00',
  text: '【北京望京营业部】快递员王师傅（13812345678）正在为您派送，请保持电话畅通，感谢使用',
  action: '202',
}

test('the templates a page may ask for', async () => {
  const answer = await rig.call<{ ok: true; templates: Array<{ templateId: string; event: string; title: string }> }>(
    'notificationConsent',
    { action: 'templates' },
    SHOPPER,
  )
  expect(answer.templates.map((template) => template.event)).toEqual(['shipped', 'out_for_delivery', 'delivered', 'exception'])
})

test('another shopper cannot record consent on the order; an unknown template is refused', async () => {
  const orderId = await shippedOrder('YT1400000000801')
  expect(await rig.writesNothing(() => consent(orderId, { [OFD]: 'accept' }, SHOPPER_2))).toMatchObject({
    ok: false,
    reason: 'order_not_found',
  })
  expect(await consent(orderId, { 'tmpl-elsewhere': 'accept' })).toMatchObject({ ok: false, reason: 'unknown_template' })
  expect(await rig.call('notificationConsent', { action: 'record', orderId, results: { [OFD]: 'maybe' } }, SHOPPER)).toMatchObject({
    ok: false,
    reason: 'invalid_input',
  })
})

test('a shopper who accepted gets exactly one out-for-delivery message, deep-linked, inside the limits, whatever the pushes do', async () => {
  const number = 'YT1400000000802'
  const orderId = await shippedOrder(number)
  expect(await consent(orderId, { [OFD]: 'accept', 'dev-tmpl-shipped': 'reject' })).toEqual({
    ok: true,
    credits: [
      { templateId: OFD, remaining: 1 },
      { templateId: 'dev-tmpl-shipped', remaining: 0 },
    ],
  })
  await push(number, [PICKED, TRANSIT])
  await push(number, [PICKED, TRANSIT, OUT])
  await push(number, [PICKED, TRANSIT, OUT]) // re-sent
  await push(number, [OUT, TRANSIT, PICKED], '2025-01-02 10:05:00') // re-batched, other order
  await push(number, [PICKED, TRANSIT], '2025-01-02 10:10:00') // an older snapshot after the newer one
  await drain()
  await drain()
  const sends = sendsTo(orderId)
  expect(sends).toHaveLength(1)
  expect(sends[0]).toMatchObject({ errcode: 0, caller: { functionName: 'notifyWechat' } })
  expect(sends[0]?.data).toEqual({
    touser: SHOPPER,
    template_id: OFD,
    page: `pages/order/detail?id=${orderId}`,
    miniprogram_state: 'developer',
    lang: 'zh_CN',
    data: {
      character_string1: { value: number },
      phrase2: { value: '派送中' },
      thing3: { value: '【北京望京营业部】快递员王师傅（138…' },
      time4: { value: '2025年1月2日 07:30' },
    },
  })
  expect(JSON.stringify(sends[0]?.data)).not.toContain('13812345678')
  // The shipped move had no consent: no message, and the record says why.
  expect(await notification(`YTO:${number}:shipped`)).toMatchObject({ state: 'no_credit' })
  expect(await notification(`YTO:${number}:out_for_delivery`)).toMatchObject({ state: 'sent', msgid: expect.any(Number) })
  expect(await rig.cloud.db.get('notifyCredits', `${SHOPPER}:${OFD}`)).toMatchObject({ remaining: 0 })
})

test('a system fault is retried with backoff: nothing lost, nothing sent twice', async () => {
  const number = 'YT1400000000803'
  const orderId = await shippedOrder(number)
  await consent(orderId, { [OFD]: 'accept' })
  await push(number, [PICKED, TRANSIT, OUT])
  rig.cloud.faults.failOpenApi({ api: SEND, errcode: -604103, times: 2 })
  await drain()
  expect(await notification(`YTO:${number}:out_for_delivery`)).toMatchObject({ state: 'queued', attempts: 1, creditHeld: true })
  await rig.advance(MINUTE + 1)
  await drain()
  await rig.advance(2 * MINUTE + 1)
  await drain()
  await drain()
  expect(sendsTo(orderId).map((call) => call.errcode)).toEqual([-604103, -604103, 0])
  expect(await notification(`YTO:${number}:out_for_delivery`)).toMatchObject({ state: 'sent', attempts: 3 })
})

test('43101 clears the credit and is not retried', async () => {
  const number = 'YT1400000000804'
  const orderId = await shippedOrder(number)
  await consent(orderId, { [OFD]: 'accept' })
  await consent(orderId, { [OFD]: 'accept' })
  await push(number, [PICKED, TRANSIT, OUT])
  rig.cloud.faults.failOpenApi({ api: SEND, errcode: 43101 })
  await drain()
  await rig.advance(10 * MINUTE)
  await drain()
  expect(sendsTo(orderId).map((call) => call.errcode)).toEqual([43101])
  expect(await notification(`YTO:${number}:out_for_delivery`)).toMatchObject({ state: 'refused' })
  expect(await rig.cloud.db.get('notifyCredits', `${SHOPPER}:${OFD}`)).toMatchObject({ remaining: 0 })
})
