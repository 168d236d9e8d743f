// The vendor clients' verdicts on every kind of answer, over real HTTP: a local server on an
// ephemeral port plays the vendor, answering with documented vendor bodies (core/aggregators fixtures,
// the sandbox's texts) and recording what the client sent.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseFormBody } from '../../core/aggregators'
import { postForm } from '../http/postForm'
import { kdniaoClient } from './kdniaoClient'
import { kuaidi100Client } from './kuaidi100Client'
import type { VendorParcel } from './trackingVendor'

const sf: VendorParcel = {
  carrier: 'SF',
  trackingNo: 'SF1400000000001',
  phoneTail: '1234',
  destination: { province: '北京市', city: '北京市' },
}
const yto: VendorParcel = { ...sf, carrier: 'YTO', trackingNo: 'YT1400000000001', phoneTail: null }

interface Answer {
  status: number
  text: string
}
let next: Answer | 'hang' = { status: 200, text: '' }
const sent: Array<{ path: string; body: string }> = []
let vendor: http.Server
let apiUrl = ''

beforeAll(async () => {
  vendor = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      sent.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') })
      if (next === 'hang') return
      response.writeHead(next.status, { 'content-type': 'application/json', connection: 'close' }).end(next.text)
    })
  })
  await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`
})
afterAll(async () => {
  vendor.closeAllConnections()
  await new Promise((resolve) => vendor.close(resolve))
})

const ok = (text: string): Answer => ({ status: 200, text })
const answering = (answer: Answer | 'hang') => {
  next = answer
  sent.length = 0
}
/** The request the client sent for the call under test. */
const firstSent = () => {
  const [request] = sent
  if (!request) throw new Error('the client sent no request')
  return request
}
const field = (body: string, name: string) => {
  const form = parseFormBody(body)
  return form.ok ? form.fields.get(name) : undefined
}

const kdniao = () => ({ eBusinessId: '1900001', appKey: 'app-key-0000-test', apiUrl })
const kuaidi100 = () => ({
  customer: 'CUSTOMER0001',
  key: 'key-0000-test',
  salt: 'salt-0000-test',
  apiUrl,
  pushBaseUrl: 'https://env.example.com',
})

describe('Kdniao client', () => {
  it('subscribes with 8008 at /api/dist, the phone tail going as CustomerName for SF', async () => {
    answering(ok('{"EBusinessID":"1900001","UpdateTime":"2025-01-02 10:00:00","Success":true,"Reason":""}'))
    expect(await kdniaoClient(kdniao(), postForm).subscribe(sf)).toEqual({ ok: true, alreadySubscribed: false })
    const request = firstSent()
    expect([request.path, field(request.body, 'RequestType'), JSON.parse(field(request.body, 'RequestData') ?? '{}')]).toEqual([
      '/api/dist',
      '8008',
      { ShipperCode: 'SF', LogisticCode: 'SF1400000000001', CustomerName: '1234' },
    ])
  })

  it.each<[string, Answer | 'hang', unknown]>([
    [
      'refused credentials',
      ok('{"EBusinessID":"1900001","Success":false,"Reason":"非法参数[请核实ID和key是否正确]"}'),
      { ok: false, retryable: false, error: 'rejected_credentials: 非法参数[请核实ID和key是否正确]' },
    ],
    [
      'a busy vendor',
      ok('{"EBusinessID":"1900001","Success":false,"Reason":"系统错误[服务繁忙，请稍后重试]"}'),
      { ok: false, retryable: true, error: 'vendor_error: 系统错误[服务繁忙，请稍后重试]' },
    ],
    ['an HTTP error', { status: 502, text: 'Bad Gateway' }, { ok: false, retryable: true, error: 'HTTP 502' }],
    ['an answer that is not JSON', ok('<html>'), { ok: false, retryable: true, error: 'malformed answer: response is not JSON' }],
    ['an answer that never comes', 'hang', { ok: false, retryable: true, error: 'timeout: no answer within 5000 ms' }],
  ])(
    'subscribe: %s',
    async (_case, answer, expected) => {
      answering(answer)
      expect(await kdniaoClient(kdniao(), postForm).subscribe(yto)).toEqual(expected)
    },
    10_000,
  )

  it('queries with 8001 and returns the snapshot, ascending traces and all', async () => {
    answering(
      ok(
        JSON.stringify({
          EBusinessID: '1900001',
          ShipperCode: 'YTO',
          LogisticCode: 'YT1400000000001',
          Success: true,
          State: '2',
          StateEx: '2',
          Traces: [
            { AcceptTime: '2025-01-02 08:00:00', AcceptStation: '已揽收', Action: '1' },
            { AcceptTime: '2025-01-02 09:00:00', AcceptStation: '运输中', Action: '2' },
          ],
        }),
      ),
    )
    const answer = await kdniaoClient(kdniao(), postForm).query(yto)
    expect(answer.ok && answer.snapshot.events.map((event) => [event.text, event.status])).toEqual([
      ['已揽收', 'PICKED_UP'],
      ['运输中', 'IN_TRANSIT'],
    ])
    expect([firstSent().path, field(firstSent().body, 'RequestType')]).toEqual(['/Ebusiness/EbusinessOrderHandle.aspx', '8001'])
  })
})

describe('Kuaidi100 client', () => {
  it('subscribes with our callback URL and salt; 501 重复订阅 counts as subscribed', async () => {
    answering(ok('{"result":false,"returnCode":"501","message":"重复订阅"}'))
    expect(await kuaidi100Client(kuaidi100(), postForm).subscribe(sf)).toEqual({ ok: true, alreadySubscribed: true })
    const param = JSON.parse(field(firstSent().body, 'param') ?? '{}')
    expect(param).toMatchObject({ company: 'shunfeng', number: 'SF1400000000001', to: '北京市北京市', key: 'key-0000-test' })
    expect(param.parameters).toMatchObject({
      callbackurl: 'https://env.example.com/tracking/push/kuaidi100',
      salt: 'salt-0000-test',
      phone: '1234',
    })
  })

  it.each<[string, string, unknown]>([
    [
      'a wrong key',
      '{"result":false,"returnCode":"600","message":"不是合法的订阅者"}',
      { ok: false, retryable: false, error: '600 invalid_key: 不是合法的订阅者' },
    ],
    [
      'a server error',
      '{"result":false,"returnCode":"500","message":"服务器错误"}',
      { ok: false, retryable: true, error: '500 server_error: 服务器错误' },
    ],
  ])('subscribe: %s', async (_case, text, expected) => {
    answering(ok(text))
    expect(await kuaidi100Client(kuaidi100(), postForm).subscribe(sf)).toEqual(expected)
  })

  it.each<[string, string, unknown]>([
    [
      'nothing yet (500)',
      '{"result":false,"returnCode":"500","message":"查询无结果，请隔段时间再查"}',
      { ok: false, reason: 'no_result', retryable: true, error: '500 no_result: 查询无结果，请隔段时间再查' },
    ],
    [
      'a wrong phone tail (408)',
      '{"result":false,"returnCode":"408","message":"快递公司参数异常：验证码错误"}',
      { ok: false, reason: 'refused', retryable: false, error: '408 phone_tail_mismatch: 快递公司参数异常：验证码错误' },
    ],
    [
      'busy (502)',
      '{"result":false,"returnCode":"502","message":"服务器繁忙"}',
      { ok: false, reason: 'unavailable', retryable: true, error: '502 server_busy: 服务器繁忙' },
    ],
  ])('query: %s', async (_case, text, expected) => {
    answering(ok(text))
    expect(await kuaidi100Client(kuaidi100(), postForm).query(sf)).toEqual(expected)
  })
})
