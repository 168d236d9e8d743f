// The documented test vectors of reference/aggregators.md §1.2, §1.6 and §2.2.
import { encodeForm } from './formCodec'
import { kdniaoDataSign, kuaidi100CallbackSign, kuaidi100QuerySign, sameSignature } from './signatures'

const APP_KEY = '00000000-1111-2222-3333-444444444444'
const QUERY_DATA = '{"OrderCode":"","ShipperCode":"SF","LogisticCode":"SF1234567890123","CustomerName":"1234"}'
const PUSH_DATA =
  '{"EBusinessID":"1234567","Count":"1","PushTime":"2025-01-02 10:00:00","Data":[{"EBusinessID":"1234567","ShipperCode":"YTO","LogisticCode":"YT1234567890123","Success":true,"State":"2","StateEx":"201","Location":"深圳市","Traces":[{"AcceptTime":"2025-01-02 09:58:00","AcceptStation":"【深圳市】已到达 深圳转运中心","Location":"深圳市","Action":"201"}]}]}'
const K100_PUSH_PARAM =
  '{"status":"polling","message":"","autoCheck":"0","comOld":"","comNew":"","lastResult":{"message":"ok","state":"0","status":"200","condition":"F00","ischeck":"0","com":"yuantong","nu":"YT1234567890123","data":[{"context":"快件已到达【深圳转运中心】","time":"2025-01-02 09:58:00","ftime":"2025-01-02 09:58:00"}]}}'

describe('Kdniao DataSign', () => {
  it.each([
    ['instant query vector (§1.2)', QUERY_DATA, 'NzhiMmJkMzFiMTQ1ZjhiNWRiMTNmMGNkZDYxMWUwYzE='],
    ['push vector (§1.6)', PUSH_DATA, 'ZDNhOWRiM2ZhODZhMWViMzIyODdlY2JhNDU0MGFhNmE='],
  ])('%s', (_label, requestData, expected) => {
    expect(kdniaoDataSign(requestData, APP_KEY)).toBe(expected)
  })

  it('is Base64 of the lowercase hex digest, not of the raw digest', () => {
    expect(Buffer.from(kdniaoDataSign(QUERY_DATA, APP_KEY), 'base64').toString('ascii')).toBe('78b2bd31b145f8b5db13f0cdd611e0c1')
    expect(kdniaoDataSign(QUERY_DATA, APP_KEY)).not.toBe('eLK9MbFF+LXbE/DN1hHgwQ==')
  })

  it('encodes into the documented form body', () => {
    const body = encodeForm([
      ['RequestData', QUERY_DATA],
      ['EBusinessID', '1234567'],
      ['RequestType', '8001'],
      ['DataSign', kdniaoDataSign(QUERY_DATA, APP_KEY)],
      ['DataType', '2'],
    ])
    expect(body).toBe(
      'RequestData=%7B%22OrderCode%22%3A%22%22%2C%22ShipperCode%22%3A%22SF%22%2C%22LogisticCode%22%3A%22SF1234567890123%22%2C%22CustomerName%22%3A%221234%22%7D&EBusinessID=1234567&RequestType=8001&DataSign=NzhiMmJkMzFiMTQ1ZjhiNWRiMTNmMGNkZDYxMWUwYzE%3D&DataType=2',
    )
  })
})

describe('Kuaidi100 signs', () => {
  it('query sign vector (§2.2)', () => {
    const param = '{"com":"yuantong","num":"YT1234567890123","phone":"1234","resultv2":"4"}'
    expect(kuaidi100QuerySign(param, 'KEYabcdef1234', 'CUSTOMERABCDEF0123456789ABCDEF01')).toBe('D36C7A554AA7C39DFD4C49D20AFF64CB')
  })

  it('callback sign vector (§2.2)', () => {
    expect(kuaidi100CallbackSign(K100_PUSH_PARAM, 's3cr3t')).toBe('5361057B1EA7CA3D4B2EF702F8C8911C')
  })
})

describe('sameSignature', () => {
  it.each([
    ['NzhiMmJk', 'NzhiMmJk', true],
    ['nzhimmjk', 'NzhiMmJk', false],
    ['NzhiMmJk%3D', 'NzhiMmJk=', false],
    ['', 'x', false],
  ])('%s vs %s → %s', (received, expected, same) => {
    expect(sameSignature(received, expected)).toBe(same)
  })
})
