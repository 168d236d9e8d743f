// The sandboxes against the documented vendor vectors (DESIGN §6, reference/aggregators.md §1.2,
// §2.2): the exact bytes of the documented requests are accepted, one flipped encoding is not.
import { createManualClock, startSandbox, type Sandbox } from '../../dev/aggregators'

const VECTOR_APP_KEY = '00000000-1111-2222-3333-444444444444'
const KDNIAO_VECTOR_BODY =
  'RequestData=%7B%22OrderCode%22%3A%22%22%2C%22ShipperCode%22%3A%22SF%22%2C%22LogisticCode%22%3A%22SF1234567890123%22%2C%22CustomerName%22%3A%221234%22%7D&EBusinessID=1234567&RequestType=8001&DataSign=NzhiMmJkMzFiMTQ1ZjhiNWRiMTNmMGNkZDYxMWUwYzE%3D&DataType=2'
const K100_PARAM = '{"com":"yuantong","num":"YT1234567890123","phone":"1234","resultv2":"4"}'
const K100_KEY = 'KEYabcdef1234'
const K100_CUSTOMER = 'CUSTOMERABCDEF0123456789ABCDEF01'
const K100_SIGN = 'D36C7A554AA7C39DFD4C49D20AFF64CB'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({
    clock: createManualClock(),
    kdniao: { eBusinessId: '1234567', appKey: VECTOR_APP_KEY },
    kuaidi100: { customer: K100_CUSTOMER, key: K100_KEY },
  })
})
afterAll(() => sandbox.close())

async function post(path: string, body: string) {
  const response = await fetch(sandbox.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body,
  })
  return { status: response.status, json: await response.json() }
}

describe('Kdniao §1.2 vector', () => {
  it('the documented form body is accepted as it stands', async () => {
    const answer = await post('/Ebusiness/EbusinessOrderHandle.aspx', KDNIAO_VECTOR_BODY)
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ EBusinessID: '1234567', Success: true, ShipperCode: 'SF', LogisticCode: 'SF1234567890123' })
  })

  it('the same body with DataSign encoded twice is refused', async () => {
    const answer = await post('/Ebusiness/EbusinessOrderHandle.aspx', KDNIAO_VECTOR_BODY.replace('YzE%3D', 'YzE%253D'))
    expect(answer.json).toEqual({ EBusinessID: '1234567', Success: false, Reason: '非法参数[请核实ID和key是否正确]' })
  })

  it('the raw-digest DataSign variant is refused', async () => {
    const answer = await post(
      '/Ebusiness/EbusinessOrderHandle.aspx',
      KDNIAO_VECTOR_BODY.replace('NzhiMmJkMzFiMTQ1ZjhiNWRiMTNmMGNkZDYxMWUwYzE%3D', encodeURIComponent('eLK9MbFF+LXbE/DN1hHgwQ==')),
    )
    expect(answer.json.Success).toBe(false)
  })
})

describe('Kuaidi100 §2.2 query vector', () => {
  const body = (sign: string) => new URLSearchParams({ customer: K100_CUSTOMER, sign, param: K100_PARAM }).toString()

  it('the documented sign passes (first contact: 500 no result yet), then data flows', async () => {
    expect((await post('/poll/query.do', body(K100_SIGN))).json).toEqual({
      result: false,
      returnCode: '500',
      message: '查询无结果，请隔段时间再查',
    })
    await sandbox.clock.advance(60 * 60_000)
    expect((await post('/poll/query.do', body(K100_SIGN))).json).toMatchObject({
      message: 'ok',
      status: '200',
      com: 'yuantong',
      nu: 'YT1234567890123',
    })
  })

  it('one wrong character in the sign answers 503', async () => {
    expect((await post('/poll/query.do', body(`${K100_SIGN.slice(0, -1)}A`))).json).toEqual({
      result: false,
      returnCode: '503',
      message: '验证签名失败',
    })
  })
})
