// The 云调用 APIs the storefront uses, as the local cloud answers them through the real SDK: bodies
// checked against the documented fields, WeChat's error codes, the once-per-payment rules, the call
// record (`GET /devcloud/v1/openapi`) and the openapi fault knob (`POST /devcloud/v1/faults/openapi`).
import type { DevCloud } from '../../dev/cloud'
import { startContractCloud } from '../support/devcloud'

jest.setTimeout(30_000)

type Answer = { ok: true; answer: Record<string, unknown> } | { ok: false; errCode: number; errMsg: string }

let devcloud: DevCloud
beforeAll(async () => {
  devcloud = await startContractCloud()
})
afterAll(async () => {
  await devcloud.close()
})
beforeEach(async () => {
  await devcloud.reset()
  // WeChat Pay's records, as devcloud reads them: an order carrying the transaction.
  await devcloud.db.put('orders', {
    _id: 'order-1',
    _openid: 'o-payer',
    payment: { provider: 'simulated', transactionId: '4200000000202501021234567890' },
  })
})

const call = (api: string, data: unknown) => devcloud.invoke<Answer>('openapiCall', { api, data }, { openid: 'o-payer' })
const rest = async (method: string, route: string, body?: unknown) => {
  const response = await fetch(`${devcloud.url}/devcloud/v1/${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const SHIPPING = {
  order_key: { order_number_type: 2, transaction_id: '4200000000202501021234567890' },
  logistics_type: 1,
  delivery_mode: 1,
  shipping_list: [
    { tracking_no: 'SF1234567890123', express_company: 'SF', item_desc: '帆布托特包*1', contact: { receiver_contact: '138****5678' } },
  ],
  upload_time: '2025-01-02T08:00:00.000+08:00',
  payer: { openid: 'o-payer' },
}
const SEND = {
  touser: 'o-payer',
  template_id: 'tmpl-ofd',
  page: 'pages/order/detail?id=order-1',
  data: { character_string1: { value: 'SF1234567890123' }, phrase2: { value: '派送中' }, thing3: { value: '快递员正在派送' } },
  miniprogram_state: 'developer',
  lang: 'zh_CN',
}

test('subscribeMessage.send: a documented body is accepted with a msgid and recorded with its caller', async () => {
  expect(await call('subscribeMessage.send', SEND)).toEqual({
    ok: true,
    answer: { msgid: expect.any(Number), errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' },
  })
  const listed = await rest('GET', 'openapi')
  expect(listed.body).toEqual({
    calls: [{ api: 'subscribeMessage.send', data: SEND, caller: { functionName: 'openapiCall', openid: 'o-payer' }, errcode: 0 }],
  })
})

test.each([
  ['a missing touser', { ...SEND, touser: undefined }, 47001],
  ['an undocumented field', { ...SEND, templateId: 'camel' }, 47001],
  ['a value not wrapped in {value}', { ...SEND, data: { thing3: '快递员正在派送' } }, 47001],
  ['a thing over 20 characters', { ...SEND, data: { thing3: { value: '快递员正在派送您的包裹请保持电话畅通谢谢配合' } } }, 47003],
  ['a phrase over 5 characters', { ...SEND, data: { phrase2: { value: '正在派送途中' } } }, 47003],
  ['a character_string over 32', { ...SEND, data: { character_string1: { value: 'X'.repeat(33) } } }, 47003],
])('subscribeMessage.send refuses %s', async (_case, body, errCode) => {
  expect(await call('subscribeMessage.send', body)).toMatchObject({ ok: false, errCode })
})

test('uploadShippingInfo: accepted once and updated once per payment, then refused', async () => {
  expect(await call('wxa.sec.order.uploadShippingInfo', SHIPPING)).toMatchObject({ ok: true, answer: { errCode: 0 } })
  const split = {
    ...SHIPPING,
    delivery_mode: 2,
    is_all_delivered: true,
    shipping_list: [...SHIPPING.shipping_list, { tracking_no: '75000000000001', express_company: 'ZTO', item_desc: '马克杯*1' }],
  }
  expect(await call('wxa.sec.order.uploadShippingInfo', split)).toMatchObject({ ok: true, answer: { errCode: 0 } })
  expect(await call('wxa.sec.order.uploadShippingInfo', split)).toMatchObject({ ok: false, errCode: 10060900 })
})

test.each([
  ['shipping_list not an array', { ...SHIPPING, shipping_list: SHIPPING.shipping_list[0] }, 47001],
  [
    'the misspelt tracking_company',
    { ...SHIPPING, shipping_list: [{ tracking_no: 'YT1', tracking_company: 'YTO', item_desc: 'x' }] },
    47001,
  ],
  ['SF without a contact', { ...SHIPPING, shipping_list: [{ tracking_no: 'SF1', express_company: 'SF', item_desc: 'x' }] }, 47001],
  [
    'a clear receiver phone',
    { ...SHIPPING, shipping_list: [{ ...SHIPPING.shipping_list[0], contact: { receiver_contact: '13800005678' } }] },
    47001,
  ],
  ['an upload_time without offset', { ...SHIPPING, upload_time: '2025-01-02 08:00:00' }, 47001],
  ['split mode without is_all_delivered', { ...SHIPPING, delivery_mode: 2 }, 47001],
  [
    '16 parcels',
    {
      ...SHIPPING,
      delivery_mode: 2,
      is_all_delivered: true,
      shipping_list: Array.from({ length: 16 }, (_x, i) => ({ tracking_no: `YT${i}`, express_company: 'YTO', item_desc: 'x' })),
    },
    47001,
  ],
  [
    'an unknown transaction',
    { ...SHIPPING, order_key: { order_number_type: 2, transaction_id: '4200000000209999999999999999' } },
    10060001,
  ],
  ['another payer', { ...SHIPPING, payer: { openid: 'o-someone-else' } }, 10060031],
])('uploadShippingInfo refuses %s', async (_case, body, errCode) => {
  expect(await call('wxa.sec.order.uploadShippingInfo', body)).toMatchObject({ ok: false, errCode })
  expect(devcloud.openApiCalls().map((recorded) => recorded.errcode)).toEqual([errCode])
})

test('notifyConfirmReceive: once per order, for a known transaction', async () => {
  const body = { transaction_id: '4200000000202501021234567890', received_time: 1_735_800_000 }
  expect(await call('wxa.sec.order.notifyConfirmReceive', body)).toMatchObject({ ok: true, answer: { errCode: 0 } })
  expect(await call('wxa.sec.order.notifyConfirmReceive', body)).toMatchObject({ ok: false, errCode: 10060901 })
  expect(await call('wxa.sec.order.notifyConfirmReceive', { ...body, transaction_id: 'nope' })).toMatchObject({
    ok: false,
    errCode: 10060001,
  })
  expect(await call('wxa.sec.order.notifyConfirmReceive', { transaction_id: body.transaction_id })).toMatchObject({
    ok: false,
    errCode: 47001,
  })
})

test('the openapi fault knob answers the next N calls of one API with its errcode, over REST and in process', async () => {
  expect(await rest('POST', 'faults/openapi', { api: 'subscribeMessage.send', errcode: 43101, times: 2 })).toEqual({
    status: 200,
    body: {},
  })
  devcloud.faults.failOpenApi({ api: 'wxa.sec.order.uploadShippingInfo', errcode: -604103 })
  expect(await call('subscribeMessage.send', SEND)).toMatchObject({ ok: false, errCode: 43101 })
  expect(await call('wxa.sec.order.uploadShippingInfo', SHIPPING)).toMatchObject({ ok: false, errCode: -604103 })
  expect(await call('subscribeMessage.send', SEND)).toMatchObject({ ok: false, errCode: 43101 })
  expect(await call('subscribeMessage.send', SEND)).toMatchObject({ ok: true })
  expect(await call('wxa.sec.order.uploadShippingInfo', SHIPPING)).toMatchObject({ ok: true })
  expect(devcloud.openApiCalls().map((recorded) => recorded.errcode)).toEqual([43101, -604103, 43101, 0, 0])
  expect((await rest('POST', 'faults/openapi', { api: 'subscribeMessage.send', errcode: 0 })).status).toBe(400)
  expect((await rest('POST', 'faults/openapi', { errcode: 43101 })).status).toBe(400)
})
