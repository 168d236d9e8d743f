// What an attacker (or a broken sender) can POST to the public push routes, for both vendors:
// forged, missing and mangled signatures; truncated, malformed and oversized bodies; the wrong method;
// and a page imitating an HTTP push through callFunction. Each is refused with its exact answer, and
// the database is compared document for document before and after: nothing was written.
// (test/functions/refusals.test.ts holds the first cases of this matrix; this is the whole of it.)
import { createHash } from 'node:crypto'
import WebSocket from 'ws'
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { DEV_KDNIAO, DEV_KUAIDI100_SALT } from '../../dev/aggregators'
import { createCloudbaseClient } from '../../miniprogram/src/services/cloud/cloudbaseClient'
import { MAX_PUSH_BODY_BYTES } from '../../server/useCases/receivePush'
import { FORM } from '../functions/support/http'
import { form, kdniaoPush, kdniaoRequestData, kuaidi100Push } from '../functions/support/pushes'
import { ADDRESS, MERCHANT, SHOPPER, startRig, type Rig } from '../functions/support/rig'

const NUMBER = 'YT1480000000401'
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest()

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-cotton-tote', quantity: 1 }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  const shipped = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: placed.orderId, trackingNo: NUMBER, carrier: 'YTO' }] },
    MERCHANT,
  )
  expect(shipped).toMatchObject({ ok: true, results: [{ ok: true }] })
  await rig.settle()
})
afterAll(async () => {
  await rig?.close()
})

/** POSTs (or GETs) to a push route and fails the test if any document changed. */
async function refused(path: string, body: string, headers: Record<string, string> = FORM): Promise<[number, unknown]> {
  const answer = await rig.writesNothing(() => rig.http(path, body, headers))
  return [answer.status, JSON.parse(answer.body)]
}

describe('Kdniao /tracking/push/kdniao refuses', () => {
  const requestData = kdniaoRequestData([
    { shipper: 'YTO', number: NUMBER, state: '3', traces: [{ time: '2025-01-02 08:00:00', text: '【上海市】伪造的签收', action: '301' }] },
  ])
  const hexSign = createHash('md5')
    .update(requestData + DEV_KDNIAO.appKey, 'utf8')
    .digest('hex')
  const kdniaoRefusal = (reason: string) => ({
    EBusinessID: DEV_KDNIAO.eBusinessId,
    UpdateTime: expect.any(String),
    Success: false,
    Reason: reason,
  })
  const signed = kdniaoPush(requestData)

  test.each([
    ['signed with another key', kdniaoPush(requestData, 'another-app-key'), 401, 'signature rejected: DataSign does not match RequestData'],
    [
      'no DataSign',
      form([
        ['RequestData', requestData],
        ['RequestType', '102'],
      ]),
      401,
      'signature rejected: DataSign missing',
    ],
    [
      'an empty DataSign',
      form([
        ['RequestData', requestData],
        ['RequestType', '102'],
        ['DataSign', ''],
      ]),
      401,
      'signature rejected: DataSign missing',
    ],
    [
      'the raw-digest variant (Base64 of the 16 MD5 bytes)',
      form([
        ['RequestData', requestData],
        ['RequestType', '102'],
        ['DataSign', md5(requestData + DEV_KDNIAO.appKey).toString('base64')],
      ]),
      401,
      'signature rejected: DataSign does not match RequestData',
    ],
    [
      'the upper-case hex variant',
      form([
        ['RequestData', requestData],
        ['RequestType', '102'],
        ['DataSign', Buffer.from(hexSign.toUpperCase()).toString('base64')],
      ]),
      401,
      'signature rejected: DataSign does not match RequestData',
    ],
    [
      'a real signature of another body',
      form([
        ['RequestData', requestData.replace('伪造的签收', '另一条')],
        ['RequestType', '102'],
        ['DataSign', Buffer.from(hexSign).toString('base64')],
      ]),
      401,
      'signature rejected: DataSign does not match RequestData',
    ],
    ['a body truncated before its DataSign', signed.slice(0, signed.indexOf('&DataSign')), 401, 'signature rejected: DataSign missing'],
    ['a body truncated inside its DataSign', signed.slice(0, -6), 401, 'signature rejected: DataSign does not match RequestData'],
    ['a body truncated inside a percent-escape', signed.slice(0, signed.indexOf('%') + 2), 400, 'malformed push: invalid percent-encoding'],
    ['a JSON body', JSON.stringify({ RequestData: requestData, DataSign: 'x' }), 400, 'malformed push: RequestData missing'],
    ['an empty body', '', 400, 'malformed push: RequestData missing'],
    [
      'a repeated RequestData (which copy was signed?)',
      `${signed}&RequestData=${encodeURIComponent('{}')}`,
      400,
      'malformed push: repeated field RequestData',
    ],
    [
      'signed RequestData whose Data is not a list',
      kdniaoPush(JSON.stringify({ EBusinessID: DEV_KDNIAO.eBusinessId, Data: 'everything' })),
      400,
      'malformed push: Data: Invalid input: expected array, received string',
    ],
  ])('%s', async (_label, body, status, reason) => {
    expect(await refused('/tracking/push/kdniao', body)).toEqual([status, kdniaoRefusal(reason)])
  })

  test('a body over the cap (4 MB), before reading it', async () => {
    expect(await refused('/tracking/push/kdniao', `${signed}&Padding=${'x'.repeat(MAX_PUSH_BODY_BYTES)}`)).toEqual([
      413,
      kdniaoRefusal(`payload too large: body over ${MAX_PUSH_BODY_BYTES} bytes`),
    ])
  })

  test('binary noise sent as octet-stream (arrives base64-encoded)', async () => {
    expect(
      await refused('/tracking/push/kdniao', 'x'.repeat(8) + '\u0000\u00ff%%', { 'content-type': 'application/octet-stream' }),
    ).toEqual([400, kdniaoRefusal('malformed push: invalid percent-encoding')])
  })
})

describe('Kuaidi100 /tracking/push/kuaidi100 refuses', () => {
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
      nu: NUMBER,
      data: [
        {
          time: '2025-01-02 08:00:00',
          ftime: '2025-01-02 08:00:00',
          context: '伪造的签收',
          areaName: '上海',
          status: '签收',
          statusCode: '301',
        },
      ],
    },
  }
  const signed = kuaidi100Push(param)
  const kuaidi100Refusal = (message: string) => ({ result: false, returnCode: '500', message })
  const sign = (text: string) =>
    createHash('md5')
      .update(text + DEV_KUAIDI100_SALT, 'utf8')
      .digest('hex')
      .toUpperCase()

  test.each([
    ['signed with another salt', kuaidi100Push(param, 'another-salt'), 401, 'signature rejected: sign does not match param'],
    ['no sign', form([['param', JSON.stringify(param)]]), 401, 'signature rejected: sign missing'],
    [
      'an empty sign',
      form([
        ['param', JSON.stringify(param)],
        ['sign', ''],
      ]),
      401,
      'signature rejected: sign missing',
    ],
    [
      'a real sign of another param',
      form([
        ['param', JSON.stringify({ ...param, status: 'shutdown' })],
        ['sign', sign(JSON.stringify(param))],
      ]),
      401,
      'signature rejected: sign does not match param',
    ],
    ['a body truncated before its sign', signed.slice(0, signed.indexOf('&sign=')), 401, 'signature rejected: sign missing'],
    ['a body truncated inside its sign', signed.slice(0, -5), 401, 'signature rejected: sign does not match param'],
    ['a body truncated inside a percent-escape', signed.slice(0, signed.indexOf('%') + 2), 400, 'malformed push: invalid percent-encoding'],
    [
      'signed param that is not JSON',
      form([
        ['param', '{"status":'],
        ['sign', sign('{"status":')],
      ]),
      400,
      'malformed push: param is not JSON',
    ],
    ['no param', form([['sign', sign('')]]), 400, 'malformed push: param missing'],
    ['a JSON body', JSON.stringify({ param, sign: 'x' }), 400, 'malformed push: param missing'],
  ])('%s', async (_label, body, status, message) => {
    expect(await refused('/tracking/push/kuaidi100', body)).toEqual([status, kuaidi100Refusal(message)])
  })

  test('signed JSON of the wrong shape', async () => {
    const text = JSON.stringify({ status: 'polling' })
    expect(
      await refused(
        '/tracking/push/kuaidi100',
        form([
          ['param', text],
          ['sign', sign(text)],
        ]),
      ),
    ).toEqual([400, kuaidi100Refusal(expect.stringMatching(/^malformed push: lastResult: /))])
  })

  test('a body over the cap (4 MB)', async () => {
    expect(await refused('/tracking/push/kuaidi100', `${signed}&padding=${'x'.repeat(MAX_PUSH_BODY_BYTES)}`)).toEqual([
      413,
      kuaidi100Refusal(`payload too large: body over ${MAX_PUSH_BODY_BYTES} bytes`),
    ])
  })
})

describe('the push function refuses what is not a vendor push', () => {
  const imitation = (body: string, extra: Record<string, unknown> = {}) => ({
    path: '/tracking/push/kdniao',
    httpMethod: 'POST',
    headers: FORM,
    body,
    isBase64Encoded: false,
    ...extra,
  })
  const call = (data: Record<string, unknown>) => {
    const page = createCloudbaseClient({ url: rig.cloud.url, envId: rig.cloud.envId, openid: SHOPPER, WebSocket })
    return page.callFunction<{ statusCode: number; body: string }>('receiveTrackingPush', data)
  }
  async function refusedCall(data: Record<string, unknown>): Promise<[number, unknown]> {
    const before = await rig.snapshot()
    const answer = await call(data)
    await rig.cloud.idle()
    expect(await rig.snapshot()).toEqual(before)
    return [answer.statusCode, JSON.parse(answer.body)]
  }

  test('a page imitating an HTTP push through callFunction still needs the vendor signature', async () => {
    const requestData = kdniaoRequestData([
      { shipper: 'YTO', number: NUMBER, state: '3', traces: [{ time: '2025-01-02 08:00:00', text: '伪造', action: '301' }] },
    ])
    expect(await refusedCall(imitation(kdniaoPush(requestData, 'guessed-key')))).toEqual([
      401,
      expect.objectContaining({ Success: false, Reason: 'signature rejected: DataSign does not match RequestData' }),
    ])
    expect(await refusedCall(imitation('@@@', { isBase64Encoded: true }))).toEqual([
      400,
      expect.objectContaining({ Success: false, Reason: 'malformed body: isBase64Encoded but the body is not base64' }),
    ])
    expect(await refusedCall({ orderId: 'x' })).toEqual([400, { error: 'not an HTTP access event' }])
    expect(await refusedCall(imitation(kdniaoPush(requestData), { httpMethod: 'GET' }))).toEqual([
      405,
      expect.objectContaining({ Success: false, Reason: 'use POST' }),
    ])
    expect(await refusedCall(imitation(kdniaoPush(requestData), { path: '/tracking/push/aftership' }))).toEqual([
      404,
      { error: 'no push receiver at /tracking/push/aftership' },
    ])
  })
})
