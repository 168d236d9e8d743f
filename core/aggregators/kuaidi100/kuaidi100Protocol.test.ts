// The documented vectors (aggregators.md §2.2) and the request, verification and ack rules.
import { encodeForm } from '../formBody'
import { kuaidi100PushAck, kuaidi100PushFailureAck, readKuaidi100Push, verifyKuaidi100Push } from './kuaidi100Push'
import { buildKuaidi100AutoNumber, buildKuaidi100Query, buildKuaidi100Subscribe } from './kuaidi100Requests'
import { parseKuaidi100AutoNumberResponse, parseKuaidi100QueryResponse, parseKuaidi100SubscribeResponse } from './kuaidi100Responses'
import { kuaidi100CallbackSign, kuaidi100QuerySign } from './kuaidi100Sign'
import { nodeDigests } from '../../../server/platform/digests'

const KEY = 'KEYabcdef1234'
const CUSTOMER = 'CUSTOMERABCDEF0123456789ABCDEF01'
const SALT = 's3cr3t'
const QUERY_PARAM = '{"com":"yuantong","num":"YT1234567890123","phone":"1234","resultv2":"4"}'
const PUSH_PARAM =
  '{"status":"polling","message":"","autoCheck":"0","comOld":"","comNew":"","lastResult":{"message":"ok","state":"0","status":"200","condition":"F00","ischeck":"0","com":"yuantong","nu":"YT1234567890123","data":[{"context":"快件已到达【深圳转运中心】","time":"2025-01-02 09:58:00","ftime":"2025-01-02 09:58:00"}]}}'

const pushBody = (param: string, sign: string | null) =>
  encodeForm(
    sign === null
      ? [['param', param]]
      : [
          ['param', param],
          ['sign', sign],
        ],
  )

describe('signature vectors', () => {
  it('query sign', () => {
    expect(kuaidi100QuerySign(QUERY_PARAM, KEY, CUSTOMER, nodeDigests)).toBe('D36C7A554AA7C39DFD4C49D20AFF64CB')
  })

  it('callback sign', () => {
    expect(kuaidi100CallbackSign(PUSH_PARAM, SALT, nodeDigests)).toBe('5361057B1EA7CA3D4B2EF702F8C8911C')
  })
})

describe('request builders', () => {
  it('build the vector query param and sign it', () => {
    const built = buildKuaidi100Query(
      { carrier: 'YTO', trackingNo: 'YT1234567890123', phoneTail: '1234' },
      { key: KEY, customer: CUSTOMER },
      nodeDigests,
    )
    // YTO needs no phone tail, so it is not sent; with SF it is.
    expect(built.ok && built.param).toBe('{"com":"yuantong","num":"YT1234567890123","resultv2":"4"}')
    const sf = buildKuaidi100Query(
      { carrier: 'SF', trackingNo: 'SF1234567890123', phoneTail: '1234', to: '北京市朝阳区' },
      { key: KEY, customer: CUSTOMER },
      nodeDigests,
    )
    if (!sf.ok) throw new Error('expected a request')
    expect(sf.param).toBe('{"com":"shunfeng","num":"SF1234567890123","phone":"1234","to":"北京市朝阳区","resultv2":"4"}')
    expect(sf.request).toEqual({
      method: 'POST',
      path: '/poll/query.do',
      contentType: 'application/x-www-form-urlencoded;charset=utf-8',
      body: encodeForm([
        ['customer', CUSTOMER],
        ['sign', kuaidi100QuerySign(sf.param, KEY, CUSTOMER, nodeDigests)],
        ['param', sf.param],
      ]),
    })
  })

  it('reproduce the vector sign for the vector param', () => {
    const built = buildKuaidi100Query(
      { carrier: 'FWX', trackingNo: 'YT1234567890123', phoneTail: '1234' },
      { key: KEY, customer: CUSTOMER },
      nodeDigests,
    )
    expect(built.ok && built.param).toBe(QUERY_PARAM.replace('yuantong', 'fengwang'))
  })

  it('subscribe with schema=json, key, callbackurl, salt, resultv2 and the phone tail', () => {
    const built = buildKuaidi100Subscribe(
      {
        carrier: 'SF',
        trackingNo: 'SF1234567890123',
        phoneTail: '1234',
        callbackUrl: 'https://example.invalid/tracking/push/kuaidi100?parcel=SF:SF1234567890123',
        salt: SALT,
      },
      { key: KEY },
    )
    if (!built.ok) throw new Error('expected a request')
    expect(JSON.parse(built.param)).toEqual({
      company: 'shunfeng',
      number: 'SF1234567890123',
      key: KEY,
      parameters: {
        callbackurl: 'https://example.invalid/tracking/push/kuaidi100?parcel=SF:SF1234567890123',
        salt: SALT,
        resultv2: '4',
        phone: '1234',
      },
    })
    expect(built.request.path).toBe('/poll')
    expect(built.request.body).toBe(
      encodeForm([
        ['schema', 'json'],
        ['param', built.param],
      ]),
    )
  })

  it('lets Kuaidi100 pick the carrier when we do not know it (autoCom)', () => {
    const built = buildKuaidi100Subscribe(
      { trackingNo: '5123456789012', callbackUrl: 'https://example.invalid/cb', salt: SALT },
      { key: KEY },
    )
    expect(built.ok && JSON.parse(built.param)).toMatchObject({ company: '', parameters: { autoCom: '1' } })
  })

  it('returns a typed failure for a carrier Kuaidi100 has no code for', () => {
    expect(buildKuaidi100Query({ carrier: 'YZBK', trackingNo: '1012345678901' }, { key: KEY, customer: CUSTOMER }, nodeDigests)).toEqual({
      ok: false,
      reason: 'carrier_not_supported_by_vendor',
      carrier: 'YZBK',
    })
  })

  it('puts autonumber parameters in the query string', () => {
    expect(buildKuaidi100AutoNumber('5123456789012', { key: KEY })).toEqual({
      method: 'POST',
      path: `/autonumber/auto?num=5123456789012&key=${KEY}`,
      contentType: 'application/x-www-form-urlencoded;charset=utf-8',
      body: '',
    })
  })
})

describe('verifyKuaidi100Push', () => {
  it('accepts the vector push, in either case', () => {
    expect(verifyKuaidi100Push(pushBody(PUSH_PARAM, '5361057B1EA7CA3D4B2EF702F8C8911C'), SALT, nodeDigests)).toEqual({
      ok: true,
      param: PUSH_PARAM,
    })
    expect(verifyKuaidi100Push(pushBody(PUSH_PARAM, '5361057b1ea7ca3d4b2ef702f8c8911c'), SALT, nodeDigests)).toEqual({
      ok: true,
      param: PUSH_PARAM,
    })
  })

  it('verifies with an empty salt too (Kuaidi100 still signs)', () => {
    expect(verifyKuaidi100Push(pushBody(PUSH_PARAM, kuaidi100CallbackSign(PUSH_PARAM, '', nodeDigests)), '', nodeDigests)).toMatchObject({
      ok: true,
    })
  })

  it.each([
    ['a wrong salt', pushBody(PUSH_PARAM, kuaidi100CallbackSign(PUSH_PARAM, 'other', nodeDigests)), 'bad_signature'],
    ['a tampered param', pushBody(PUSH_PARAM.replace('"state":"0"', '"state":"3"'), '5361057B1EA7CA3D4B2EF702F8C8911C'), 'bad_signature'],
    ['no sign', pushBody(PUSH_PARAM, null), 'missing_signature'],
    ['no param', encodeForm([['sign', 'ABC']]), 'malformed'],
    ['broken percent-encoding', 'param=%7B%E4&sign=ABC', 'malformed'],
  ])('rejects %s', (_case, body, reason) => {
    expect(verifyKuaidi100Push(body, SALT, nodeDigests)).toMatchObject({ ok: false, reason })
  })

  it('reports a signed param that is not a push as malformed', () => {
    const param = '{"status":"polling"}'
    expect(readKuaidi100Push(pushBody(param, kuaidi100CallbackSign(param, SALT, nodeDigests)), SALT, nodeDigests)).toMatchObject({
      ok: false,
      reason: 'malformed',
    })
  })
})

describe('acks', () => {
  it('sends the exact success body', () => {
    expect(kuaidi100PushAck()).toEqual({
      statusCode: 200,
      contentType: 'application/json;charset=utf-8',
      body: '{"result":true,"returnCode":"200","message":"成功"}',
    })
  })

  it('sends a failure body Kuaidi100 will retry', () => {
    expect(kuaidi100PushFailureAck('存储暂不可用').body).toBe('{"result":false,"returnCode":"500","message":"存储暂不可用"}')
  })
})

describe('returnCodes as typed failures', () => {
  it.each([
    ['400', 'bad_request', false],
    ['408', 'phone_tail_mismatch', false],
    ['500', 'no_result', true],
    ['501', 'server_error', true],
    ['502', 'server_busy', true],
    ['503', 'bad_signature', false],
    ['601', 'key_expired', false],
    ['999', 'vendor_error', true],
  ])('query %s → %s (retryable %s)', (returnCode, reason, retryable) => {
    expect(parseKuaidi100QueryResponse(JSON.stringify({ result: false, returnCode, message: 'x' }), nodeDigests)).toEqual({
      ok: false,
      reason,
      returnCode,
      retryable,
      message: 'x',
    })
  })

  it.each([
    ['500', 'server_error', true],
    ['600', 'invalid_key', false],
    ['601', 'key_expired', false],
    ['700', 'bad_request', false],
    ['701', 'carrier_refused', false],
    ['702', 'carrier_unrecognised', false],
  ])('subscribe %s → %s', (returnCode, reason, retryable) => {
    expect(parseKuaidi100SubscribeResponse(JSON.stringify({ result: false, returnCode, message: 'x' }))).toEqual({
      ok: false,
      reason,
      returnCode,
      retryable,
      message: 'x',
    })
  })

  it.each([
    ['not JSON', '<html>502</html>'],
    ['no returnCode', '{"result":true}'],
  ])('subscribe answer with %s is malformed', (_case, text) => {
    expect(parseKuaidi100SubscribeResponse(text)).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('reads an autonumber error object and an empty candidate list', () => {
    expect(parseKuaidi100AutoNumberResponse('{"returnCode":"600","message":"key错误"}')).toEqual({
      ok: false,
      reason: 'invalid_key',
      returnCode: '600',
      retryable: false,
      message: 'key错误',
    })
    expect(parseKuaidi100AutoNumberResponse('[]')).toEqual({ ok: true, carriers: [], unknownComCodes: [] })
  })
})
