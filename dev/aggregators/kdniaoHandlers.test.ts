// Kdniao over real HTTP: envelope checks in the vendor's order, lenient RequestData, instant
// query, recognition and subscribe (reference/aggregators.md §1).
import { createManualClock, DEV_KDNIAO, startSandbox, type Sandbox } from './index'
import { kdniaoBody, kdniaoSign, md5, postForm } from './testing/vendorClient'

const QUERY = '/Ebusiness/EbusinessOrderHandle.aspx'
const SUBSCRIBE = '/api/dist'
const HOUR = 3_600_000
const BAD_CREDENTIALS = { Success: false, Reason: '非法参数[请核实ID和key是否正确]' }

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ clock: createManualClock(), kdniao: { ...DEV_KDNIAO, qps: 1000 } })
})
afterAll(() => sandbox.close())

function call(
  path: string,
  requestType: string,
  requestData: string,
  overrides: { dataSign?: string; dataType?: string; eBusinessId?: string } = {},
) {
  return postForm(
    sandbox.url + path,
    kdniaoBody({
      requestType,
      requestData,
      eBusinessId: overrides.eBusinessId ?? DEV_KDNIAO.eBusinessId,
      appKey: DEV_KDNIAO.appKey,
      ...overrides,
    }),
  )
}

describe('instant query (8001)', () => {
  it('answers no trace before the first scan, then the traces so far, ascending', async () => {
    const data = JSON.stringify({ OrderCode: 'o-1', ShipperCode: 'SF', LogisticCode: 'SF1000000000001', CustomerName: '1234' })
    const first = await call(QUERY, '8001', data)
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({
      Success: true,
      State: '0',
      Traces: [],
      Reason: '暂无轨迹信息',
      OrderCode: 'o-1',
      LogisticCode: 'SF1000000000001',
    })

    await sandbox.clock.advance(6 * HOUR)
    const later = await call(QUERY, '8001', data)
    const traces = later.json.Traces as Array<Record<string, string>>
    expect(traces.map((trace) => trace.Action)).toEqual(['1', '206', '204'])
    expect(traces.map((trace) => trace.AcceptTime)).toEqual([...traces.map((trace) => trace.AcceptTime)].sort())
    expect(traces[0]).toEqual({
      AcceptTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      AcceptStation: expect.stringContaining('已收取快件'),
      Location: '深圳市',
      Action: '1',
    })
    expect(later.json).toMatchObject({ Success: true, State: '2', StateEx: '204', Location: '深圳市', Reason: '' })
  })

  it('1002 is the basic product: no StateEx, no Action', async () => {
    await call(QUERY, '1002', JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT1000000000002' }))
    await sandbox.clock.advance(HOUR)
    const { json } = await call(QUERY, '1002', JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT1000000000002' }))
    expect(json).toMatchObject({ Success: true, State: '1' })
    expect(json).not.toHaveProperty('StateEx')
    expect(json).toHaveProperty(['Traces', 0])
    expect(json).not.toHaveProperty(['Traces', 0, 'Action'])
  })

  it("accepts the official demos' single-quoted pseudo-JSON and lower-camel keys", async () => {
    const { json } = await call(QUERY, '8001', "{'shipperCode':'SF','logisticCode':'SF1000000000003','customerName':'5678'}")
    expect(json).toMatchObject({ Success: true, ShipperCode: 'SF', LogisticCode: 'SF1000000000003' })
  })

  it('8002 recognises the carrier when ShipperCode is absent', async () => {
    const { json } = await call(QUERY, '8002', JSON.stringify({ LogisticCode: 'YT1000000000004' }))
    expect(json).toMatchObject({ Success: true, ShipperCode: 'YTO' })
  })

  it('shows no traces to the wrong carrier or the wrong phone tail', async () => {
    sandbox.assignScenario('SF1000000000005', 'sf-normal', undefined, { phoneTail: '4321' })
    await call(QUERY, '8001', JSON.stringify({ ShipperCode: 'SF', LogisticCode: 'SF1000000000005', CustomerName: '4321' }))
    await sandbox.clock.advance(HOUR)
    const right = await call(QUERY, '8001', JSON.stringify({ ShipperCode: 'SF', LogisticCode: 'SF1000000000005', CustomerName: '4321' }))
    const wrongTail = await call(
      QUERY,
      '8001',
      JSON.stringify({ ShipperCode: 'SF', LogisticCode: 'SF1000000000005', CustomerName: '0000' }),
    )
    const wrongCarrier = await call(QUERY, '8001', JSON.stringify({ ShipperCode: 'ZTO', LogisticCode: 'SF1000000000005' }))
    expect(right.json.Traces).toHaveLength(1)
    expect(wrongTail.json).toMatchObject({ Success: true, State: '0', Traces: [], Reason: '暂无轨迹信息' })
    expect(wrongCarrier.json).toMatchObject({ Success: true, State: '0', Traces: [] })
  })
})

describe("refusals, each with the vendor's own body", () => {
  const data = JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT1000000000010' })

  it('a wrong signature', async () => {
    const { json } = await call(QUERY, '8001', data, { dataSign: kdniaoSign(data, 'not-the-key') })
    expect(json).toMatchObject(BAD_CREDENTIALS)
  })

  it('the raw-digest and uppercase-hex variants', async () => {
    const raw = Buffer.from(md5(data + DEV_KDNIAO.appKey), 'hex').toString('base64')
    const upper = Buffer.from(md5(data + DEV_KDNIAO.appKey).toUpperCase()).toString('base64')
    for (const dataSign of [raw, upper]) expect((await call(QUERY, '8001', data, { dataSign })).json).toMatchObject(BAD_CREDENTIALS)
  })

  it('a double-encoded body (fields pre-quoted, then form-encoded again)', async () => {
    const sign = kdniaoSign(data, DEV_KDNIAO.appKey)
    const body = new URLSearchParams({
      RequestData: encodeURIComponent(data),
      EBusinessID: DEV_KDNIAO.eBusinessId,
      RequestType: '8001',
      DataSign: encodeURIComponent(sign),
      DataType: '2',
    }).toString()
    expect(body).toContain('%253D')
    expect((await postForm(sandbox.url + QUERY, body)).json).toMatchObject(BAD_CREDENTIALS)
  })

  it('only DataSign double-encoded', async () => {
    const body = kdniaoBody({
      requestType: '8001',
      requestData: data,
      eBusinessId: DEV_KDNIAO.eBusinessId,
      appKey: '',
      dataSign: encodeURIComponent(kdniaoSign(data, DEV_KDNIAO.appKey)),
    })
    expect((await postForm(sandbox.url + QUERY, body)).json).toMatchObject(BAD_CREDENTIALS)
  })

  it('SF without the phone tail', async () => {
    const { json } = await call(QUERY, '8001', JSON.stringify({ ShipperCode: 'SF', LogisticCode: 'SF1000000000011' }))
    expect(json).toEqual({ EBusinessID: DEV_KDNIAO.eBusinessId, Success: false, Reason: '手机尾号不能为空' })
  })

  it.each([
    ['an unknown EBusinessID', QUERY, '8001', { eBusinessId: '1234567' }, '非法参数[请核实ID和key是否正确]'],
    ['DataType 1 (XML)', QUERY, '8001', { dataType: '1' }, '无效的输入[【DataType】不正确]'],
    ['a subscribe command at the query endpoint', QUERY, '8008', {}, '无效的输入[【RequestType】8008不正确]'],
    ['a query command at the subscribe endpoint', SUBSCRIBE, '8001', {}, '无效的输入[【RequestType】8001不正确]'],
  ])('%s', async (_label, path, requestType, overrides, reason) => {
    expect((await call(path, requestType, data, overrides)).json).toMatchObject({ Success: false, Reason: reason })
  })

  it.each([
    ['missing LogisticCode', JSON.stringify({ ShipperCode: 'YTO' }), '无效的输入[【LogisticCode】不能为空]'],
    ['missing ShipperCode on 8001', JSON.stringify({ LogisticCode: 'YT1' }), '无效的输入[【ShipperCode】不能为空]'],
    ['an unknown ShipperCode', JSON.stringify({ ShipperCode: 'NOPE', LogisticCode: 'YT1' }), '无效的输入[【ShipperCode】NOPE不正确]'],
    ['RequestData that is not JSON', 'ShipperCode=YTO', '无效的输入[RequestData格式有误]'],
  ])('%s', async (_label, requestData, reason) => {
    expect((await call(QUERY, '8001', requestData)).json).toMatchObject({ Success: false, Reason: reason })
  })

  it('a form missing DataSign', async () => {
    const body = new URLSearchParams({
      RequestData: data,
      EBusinessID: DEV_KDNIAO.eBusinessId,
      RequestType: '8001',
      DataType: '2',
    }).toString()
    expect((await postForm(sandbox.url + QUERY, body)).json).toMatchObject({ Success: false, Reason: '非法参数[缺少必要参数DataSign]' })
  })
})

describe('number recognition (2002)', () => {
  it.each([
    [
      '5123456789012',
      [
        { ShipperCode: 'YD', ShipperName: '韵达速递' },
        { ShipperCode: 'EMS', ShipperName: 'EMS' },
      ],
    ],
    ['SF1000000000020', [{ ShipperCode: 'SF', ShipperName: '顺丰速运' }]],
    ['NOT-A-NUMBER', []],
  ])('%s', async (number, shippers) => {
    const { json } = await call(QUERY, '2002', JSON.stringify({ LogisticCode: number }))
    expect(json).toMatchObject({ Success: true, LogisticCode: number, Shippers: shippers })
  })
})

describe('subscribe (8008)', () => {
  it('answers the documented success body, and accepts a re-subscribe', async () => {
    const data = JSON.stringify({ ShipperCode: 'ZTO', LogisticCode: '75100000000030', Callback: 'order-30' })
    const first = await call(SUBSCRIBE, '8008', data)
    expect(first.json).toEqual({
      EBusinessID: DEV_KDNIAO.eBusinessId,
      UpdateTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      Success: true,
      Reason: '',
      EstimatedDeliveryTime: expect.any(String),
      ShipperCode: 'ZTO',
      LogisticCode: '75100000000030',
    })
    const again = await call(SUBSCRIBE, '8008', data)
    expect(again.json).toMatchObject({ Success: true })
    const record = sandbox.subscriptions().find((sub) => sub.trackingNo === '75100000000030')
    expect(record).toMatchObject({
      vendor: 'kdniao',
      carrier: 'ZTO',
      scenario: 'zto-normal',
      submissions: 2,
      state: 'active',
      callback: 'order-30',
    })
  })

  it('refuses an SF subscription without the phone tail and records nothing', async () => {
    const { json } = await call(SUBSCRIBE, '8008', JSON.stringify({ ShipperCode: 'SF', LogisticCode: 'SF1000000000031' }))
    expect(json).toMatchObject({ Success: false, Reason: '手机尾号不能为空' })
    expect(sandbox.subscriptions().some((sub) => sub.trackingNo === 'SF1000000000031')).toBe(false)
  })
})

describe('plan and rate limits', () => {
  let limited: Sandbox
  beforeAll(async () => {
    limited = await startSandbox({ clock: createManualClock(), kdniao: { ...DEV_KDNIAO, enabledCommands: ['8001', '8008'], qps: 3 } })
  })
  afterAll(() => limited.close())

  const limitedCall = (requestType: string, dataSign?: string) => {
    const requestData = JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT1000000000040' })
    return postForm(
      limited.url + QUERY,
      kdniaoBody({ requestType, requestData, eBusinessId: DEV_KDNIAO.eBusinessId, appKey: DEV_KDNIAO.appKey, dataSign }),
    )
  }

  it('a disabled command answers 业务错误[没有可用套餐] before its signature is looked at', async () => {
    expect((await limitedCall('1002', 'wrong')).json).toMatchObject({ Success: false, Reason: '业务错误[没有可用套餐]' })
    expect((await limitedCall('8001', 'wrong')).json).toMatchObject(BAD_CREDENTIALS)
    await limited.clock.advance(1000)
  })

  it('over the QPS limit within one second, then fine the next second', async () => {
    const answers = []
    for (let i = 0; i < 4; i += 1) answers.push((await limitedCall('8001')).json)
    expect(answers.slice(0, 3).every((answer) => answer.Success === true)).toBe(true)
    expect(answers[3]).toEqual({ EBusinessID: DEV_KDNIAO.eBusinessId, Success: false, Reason: '业务错误[超出并发限制，每秒不超过3次]' })
    await limited.clock.advance(1000)
    expect((await limitedCall('8001')).json).toMatchObject({ Success: true })
  })
})
