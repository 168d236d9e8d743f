// The documented vectors (aggregators.md §1.2, §1.6) and the push verification rules.
import { createHash } from 'node:crypto'
import { encodeForm, encodeFormComponent } from '../formBody'
import { kdniaoDataSign } from './kdniaoDataSign'
import { kdniaoPushAck, kdniaoPushFailureAck, readKdniaoPush, verifyKdniaoPush } from './kdniaoPush'
import { buildKdniaoInstantQuery, buildKdniaoRecognition, buildKdniaoSubscribe } from './kdniaoRequests'
import { nodeDigests } from '../../../server/platform/digests'

const APP_KEY = '00000000-1111-2222-3333-444444444444'
const credentials = { eBusinessId: '1234567', appKey: APP_KEY }
const QUERY_DATA = '{"OrderCode":"","ShipperCode":"SF","LogisticCode":"SF1234567890123","CustomerName":"1234"}'
const PUSH_DATA =
  '{"EBusinessID":"1234567","Count":"1","PushTime":"2025-01-02 10:00:00","Data":[{"EBusinessID":"1234567","ShipperCode":"YTO","LogisticCode":"YT1234567890123","Success":true,"State":"2","StateEx":"201","Location":"深圳市","Traces":[{"AcceptTime":"2025-01-02 09:58:00","AcceptStation":"【深圳市】已到达 深圳转运中心","Location":"深圳市","Action":"201"}]}]}'

const pushBody = (requestData: string, dataSign = kdniaoDataSign(requestData, APP_KEY, nodeDigests), requestType = '102') =>
  encodeForm([
    ['RequestData', requestData],
    ['RequestType', requestType],
    ['DataSign', dataSign],
  ])

describe('DataSign vectors', () => {
  it('signs the §1.2 request vector', () => {
    expect(
      createHash('md5')
        .update(QUERY_DATA + APP_KEY)
        .digest('hex'),
    ).toBe('78b2bd31b145f8b5db13f0cdd611e0c1')
    expect(kdniaoDataSign(QUERY_DATA, APP_KEY, nodeDigests)).toBe('NzhiMmJkMzFiMTQ1ZjhiNWRiMTNmMGNkZDYxMWUwYzE=')
  })

  it('signs the §1.6 push vector', () => {
    expect(kdniaoDataSign(PUSH_DATA, APP_KEY, nodeDigests)).toBe('ZDNhOWRiM2ZhODZhMWViMzIyODdlY2JhNDU0MGFhNmE=')
  })

  it('is always 44 characters of [A-Za-z0-9] ending in one =', () => {
    for (const data of ['', '{}', PUSH_DATA, '中文 + % &']) expect(kdniaoDataSign(data, APP_KEY, nodeDigests)).toMatch(/^[A-Za-z0-9]{43}=$/)
  })
})

describe('request builders', () => {
  it('reproduce the §1.2 form body byte for byte', () => {
    const built = buildKdniaoInstantQuery(
      { requestType: '8001', carrier: 'SF', trackingNo: 'SF1234567890123', phoneTail: '1234' },
      credentials,
      nodeDigests,
    )
    expect(built).toEqual({
      ok: true,
      requestData: QUERY_DATA,
      request: {
        method: 'POST',
        path: '/Ebusiness/EbusinessOrderHandle.aspx',
        contentType: 'application/x-www-form-urlencoded;charset=utf-8',
        body: 'RequestData=%7B%22OrderCode%22%3A%22%22%2C%22ShipperCode%22%3A%22SF%22%2C%22LogisticCode%22%3A%22SF1234567890123%22%2C%22CustomerName%22%3A%221234%22%7D&EBusinessID=1234567&RequestType=8001&DataSign=NzhiMmJkMzFiMTQ1ZjhiNWRiMTNmMGNkZDYxMWUwYzE%3D&DataType=2',
      },
    })
  })

  it('never sends CustomerName for carriers that must not get one', () => {
    const built = buildKdniaoInstantQuery(
      { requestType: '1002', carrier: 'YTO', trackingNo: 'YT1234567890123', phoneTail: '1234' },
      credentials,
      nodeDigests,
    )
    expect(built.ok && built.requestData).toBe('{"OrderCode":"","ShipperCode":"YTO","LogisticCode":"YT1234567890123"}')
  })

  it('lets 8002 recognise the carrier itself', () => {
    const built = buildKdniaoInstantQuery({ requestType: '8002', trackingNo: '412345678901234' }, credentials, nodeDigests)
    expect(built.ok && built.requestData).toBe('{"OrderCode":"","ShipperCode":"","LogisticCode":"412345678901234"}')
  })

  it('subscribes through /api/dist with 8008 by default, echoing our callback', () => {
    const built = buildKdniaoSubscribe(
      { carrier: 'FEDEX', trackingNo: '123456789012', callback: 'parcel:FEDEX:123456789012' },
      credentials,
      nodeDigests,
    )
    if (!built.ok) throw new Error('expected a request')
    expect(built.requestData).toBe('{"ShipperCode":"FEDEX_GJ","LogisticCode":"123456789012","Callback":"parcel:FEDEX:123456789012"}')
    expect(built.request.path).toBe('/api/dist')
    expect(built.request.body).toContain('&RequestType=8008&')
    expect(built.request.body).toContain(`DataSign=${encodeFormComponent(kdniaoDataSign(built.requestData, APP_KEY, nodeDigests))}`)
  })

  it('recognises numbers with 2002', () => {
    expect(buildKdniaoRecognition('5123456789012', credentials, nodeDigests).body).toBe(
      encodeForm([
        ['RequestData', '{"LogisticCode":"5123456789012"}'],
        ['EBusinessID', '1234567'],
        ['RequestType', '2002'],
        ['DataSign', kdniaoDataSign('{"LogisticCode":"5123456789012"}', APP_KEY, nodeDigests)],
        ['DataType', '2'],
      ]),
    )
  })
})

describe('verifyKdniaoPush', () => {
  it('accepts the vector push on the once-decoded RequestData', () => {
    expect(verifyKdniaoPush(pushBody(PUSH_DATA), APP_KEY, nodeDigests)).toEqual({
      ok: true,
      requestType: '102',
      requestData: PUSH_DATA,
      decodedTwice: false,
    })
  })

  it('keeps % and + in the text intact (a second decode would corrupt them)', () => {
    const data = PUSH_DATA.replace('已到达 深圳转运中心', '已到达 100%+ 中心')
    expect(verifyKdniaoPush(pushBody(data), APP_KEY, nodeDigests)).toMatchObject({ ok: true, requestData: data, decodedTwice: false })
  })

  it('falls back to a second decode only for senders that pre-encoded the fields', () => {
    const preEncoded = encodeForm([
      ['RequestData', encodeFormComponent(PUSH_DATA)],
      ['RequestType', '102'],
      ['DataSign', encodeFormComponent(kdniaoDataSign(PUSH_DATA, APP_KEY, nodeDigests))],
    ])
    expect(verifyKdniaoPush(preEncoded, APP_KEY, nodeDigests)).toEqual({
      ok: true,
      requestType: '102',
      requestData: PUSH_DATA,
      decodedTwice: true,
    })
  })

  it.each([
    ['a wrong key', pushBody(PUSH_DATA, kdniaoDataSign(PUSH_DATA, 'another-key', nodeDigests)), 'bad_signature'],
    [
      'a tampered body',
      pushBody(PUSH_DATA.replace('"State":"2"', '"State":"3"'), kdniaoDataSign(PUSH_DATA, APP_KEY, nodeDigests)),
      'bad_signature',
    ],
    [
      'the raw-digest variant',
      pushBody(
        PUSH_DATA,
        createHash('md5')
          .update(PUSH_DATA + APP_KEY)
          .digest('base64'),
      ),
      'bad_signature',
    ],
    [
      'an upper-case hex variant',
      pushBody(
        PUSH_DATA,
        Buffer.from(
          createHash('md5')
            .update(PUSH_DATA + APP_KEY)
            .digest('hex')
            .toUpperCase(),
        ).toString('base64'),
      ),
      'bad_signature',
    ],
    [
      'no DataSign',
      encodeForm([
        ['RequestData', PUSH_DATA],
        ['RequestType', '102'],
      ]),
      'missing_signature',
    ],
    ['an empty DataSign', pushBody(PUSH_DATA, ''), 'missing_signature'],
    [
      'no RequestData',
      encodeForm([
        ['RequestType', '102'],
        ['DataSign', 'x'],
      ]),
      'malformed',
    ],
    ['broken percent-encoding', 'RequestData=%E4%B8&RequestType=102&DataSign=x', 'malformed'],
    ['a repeated field', `${pushBody(PUSH_DATA)}&RequestData=%7B%7D`, 'malformed'],
  ])('rejects %s', (_case, body, reason) => {
    expect(verifyKdniaoPush(body, APP_KEY, nodeDigests)).toMatchObject({ ok: false, reason })
  })
})

describe('readKdniaoPush', () => {
  it('acknowledges but ignores signed non-tracking pushes (107 COD)', () => {
    expect(readKdniaoPush(pushBody('{"EBusinessID":"1234567"}', undefined, '107'), APP_KEY, nodeDigests)).toEqual({
      ok: true,
      requestType: '107',
      tracking: false,
    })
  })

  it.each([
    ['not JSON', '{"EBusinessID":', 'RequestData is not JSON'],
    ['no Data', '{"EBusinessID":"1234567","Count":"0"}', 'Data'],
  ])('reports a signed but %s RequestData as malformed', (_case, data, detail) => {
    const result = readKdniaoPush(pushBody(data), APP_KEY, nodeDigests)
    expect(result).toMatchObject({ ok: false, reason: 'malformed' })
    expect(!result.ok && result.detail).toContain(detail)
  })

  it('masks phones in display text and keeps them in the courier field', () => {
    const data = PUSH_DATA.replace('【深圳市】已到达 深圳转运中心', '派件人:张师傅,电话:13800001234 正在派件').replace(/"201"/g, '"202"')
    const result = readKdniaoPush(pushBody(data), APP_KEY, nodeDigests)
    const waybill = result.ok && result.tracking ? result.push.waybills[0] : undefined
    expect(waybill && waybill.ok && waybill.snapshot.events[0]).toMatchObject({
      text: '派件人:张师傅,电话:138****1234 正在派件',
      status: 'OUT_FOR_DELIVERY',
      courier: { kind: 'courier', name: '张师傅', phone: '13800001234' },
    })
  })
})

describe('acks', () => {
  const now = Date.parse('2025-01-02T02:00:05Z')

  it('sends the exact success body with Beijing UpdateTime', () => {
    expect(kdniaoPushAck('1234567', now)).toEqual({
      statusCode: 200,
      contentType: 'application/json;charset=utf-8',
      body: '{"EBusinessID":"1234567","UpdateTime":"2025-01-02 10:00:05","Success":true,"Reason":""}',
    })
  })

  it('sends Success:false so Kdniao retries', () => {
    expect(kdniaoPushFailureAck('1234567', now, '存储暂不可用').body).toBe(
      '{"EBusinessID":"1234567","UpdateTime":"2025-01-02 10:00:05","Success":false,"Reason":"存储暂不可用"}',
    )
  })
})
