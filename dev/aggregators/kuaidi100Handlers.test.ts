// Kuaidi100 over real HTTP: query.do signs and returnCodes, the 48/24 h lock, data order, /poll
// returnCodes and autonumber (reference/aggregators.md §2).
import { createManualClock, DEV_KUAIDI100, startSandbox, type Sandbox } from './index'
import { kuaidi100QueryBody, kuaidi100SubscribeBody, md5, postForm } from './testing/vendorClient'

const HOUR = 3_600_000
const { customer, key } = DEV_KUAIDI100

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ clock: createManualClock() })
})
afterAll(() => sandbox.close())

/** A query.do answer: top-level fields, plus the scans when there are some. */
type QueryAnswer = Record<string, unknown> & { data: Array<Record<string, unknown> & { ftime: string }> }
const query = (param: string, sign?: string) =>
  postForm<QueryAnswer>(`${sandbox.url}/poll/query.do`, kuaidi100QueryBody(param, key, customer, sign))
const subscribe = (param: unknown) => postForm(`${sandbox.url}/poll`, kuaidi100SubscribeBody(param))
const failure = (returnCode: string, message: string) => ({ result: false, returnCode, message })

describe('poll/query.do', () => {
  it('answers 500 until the first scan, then data newest first; order asc honoured', async () => {
    const param = JSON.stringify({ com: 'yuantong', num: 'YT2000000000001' })
    expect((await query(param)).json).toEqual(failure('500', '查询无结果，请隔段时间再查'))
    await sandbox.clock.advance(7 * HOUR)
    const desc = (await query(param)).json
    expect(desc).toMatchObject({
      message: 'ok',
      nu: 'YT2000000000001',
      com: 'yuantong',
      status: '200',
      state: '0',
      ischeck: '0',
      condition: 'F00',
    })
    const times = desc.data.map((item) => item.ftime)
    expect(times).toEqual([...times].sort().reverse())
    expect(desc.data[0]).toMatchObject({ context: expect.stringContaining('准备发往【成都转运中心】'), statusCode: '1002' })

    const asc = (await query(JSON.stringify({ com: 'yuantong', num: 'YT2000000000001', order: 'asc', resultv2: '4' }))).json
    expect(asc.data.map((item) => item.ftime)).toEqual([...times].reverse())
    expect(asc.data[0]).toMatchObject({ statusCode: '103', areaName: '广东,广州市', status: '揽收' })
  })

  it('503 for a wrong sign, including a lowercase one', async () => {
    const param = JSON.stringify({ com: 'yuantong', num: 'YT2000000000002' })
    expect((await query(param, md5(param + 'wrong' + customer).toUpperCase())).json).toEqual(failure('503', '验证签名失败'))
    expect((await query(param, md5(param + key + customer))).json).toEqual(failure('503', '验证签名失败'))
  })

  it.each([
    ['shunfeng without phone', { com: 'shunfeng', num: 'SF2000000000003' }],
    ['fengwang without phone', { com: 'fengwang', num: '2000000000003' }],
    ['shunfeng with a wrong tail', { com: 'shunfeng', num: 'SF2000000000004', phone: '13800000000' }],
  ])('408 for %s', async (_label, param) => {
    sandbox.assignScenario('SF2000000000004', 'sf-normal', undefined, { phoneTail: '1234' })
    expect((await query(JSON.stringify(param))).json).toEqual(failure('408', '快递公司参数异常：验证码错误'))
  })

  it('accepts the right tail given as a full or virtual number (only the last 4 digits count)', async () => {
    sandbox.assignScenario('SF2000000000005', 'sf-normal', undefined, { phoneTail: '1234' })
    for (const phone of ['1234', '138****1234', '17012345678-1234']) {
      expect((await query(JSON.stringify({ com: 'shunfeng', num: 'SF2000000000005', phone }))).json.returnCode).toBe('500')
    }
    await sandbox.clock.advance(HOUR)
    expect((await query(JSON.stringify({ com: 'shunfeng', num: 'SF2000000000005', phone: '1234' }))).json).toMatchObject({
      status: '200',
      com: 'shunfeng',
    })
  })

  it("500 when the number is not this carrier's", async () => {
    await query(JSON.stringify({ com: 'yuantong', num: 'YT2000000000006' }))
    await sandbox.clock.advance(HOUR)
    expect((await query(JSON.stringify({ com: 'yuantong', num: 'YT2000000000006' }))).json.status).toBe('200')
    expect((await query(JSON.stringify({ com: 'zhongtong', num: 'YT2000000000006' }))).json).toEqual(
      failure('500', '查询无结果，请隔段时间再查'),
    )
  })

  it.each([
    ['an unknown company', { com: 'nope', num: 'YT1' }, '找不到对应公司'],
    ['no number', { com: 'yuantong' }, '数据不完整'],
    ['a number over 32 characters', { com: 'yuantong', num: 'Y'.repeat(33) }, '数据不完整'],
  ])('400 for %s', async (_label, param, message) => {
    expect((await query(JSON.stringify(param))).json).toEqual(failure('400', message))
  })

  it('400 for a missing field or an unknown customer', async () => {
    const param = JSON.stringify({ com: 'yuantong', num: 'YT1' })
    expect((await postForm(`${sandbox.url}/poll/query.do`, new URLSearchParams({ customer, param }).toString())).json).toEqual(
      failure('400', '数据不完整'),
    )
    expect((await postForm(`${sandbox.url}/poll/query.do`, kuaidi100QueryBody(param, key, 'SOMEONEELSE'))).json).toEqual(
      failure('400', '未授权'),
    )
  })

  it('locks a number after 48 queries in 24 h, for 24 h', async () => {
    const param = JSON.stringify({ com: 'yuantong', num: 'YT2000000000007' })
    await query(param)
    await sandbox.clock.advance(HOUR)
    for (let i = 1; i < 48; i += 1) expect((await query(param)).json.status).toBe('200')
    expect((await query(param)).json).toEqual(failure('500', '查询无结果，请隔段时间再查'))
    await sandbox.clock.advance(23 * HOUR)
    expect((await query(param)).json.returnCode).toBe('500')
    await sandbox.clock.advance(HOUR)
    expect((await query(param)).json.status).toBe('200')
  })
})

describe('601 (expired key, no quota)', () => {
  it('expired key on query and subscribe; quota runs out', async () => {
    const expired = await startSandbox({ clock: createManualClock(), kuaidi100: { customer, key, expired: true } })
    const quota = await startSandbox({ clock: createManualClock(), kuaidi100: { customer, key, queryQuota: 1 } })
    try {
      const param = JSON.stringify({ com: 'yuantong', num: 'YT2000000000008' })
      expect((await postForm(`${expired.url}/poll/query.do`, kuaidi100QueryBody(param, key, customer))).json).toEqual(
        failure('601', 'key已过期'),
      )
      const sub = kuaidi100SubscribeBody({ company: 'yuantong', number: 'YT1', key, parameters: { callbackurl: 'http://127.0.0.1:9/cb' } })
      expect((await postForm(`${expired.url}/poll`, sub)).json).toEqual(failure('601', 'KEY已过期'))
      expect((await postForm(`${quota.url}/poll/query.do`, kuaidi100QueryBody(param, key, customer))).json.returnCode).toBe('500')
      expect((await postForm(`${quota.url}/poll/query.do`, kuaidi100QueryBody(param, key, customer))).json).toEqual(
        failure('601', '没有可用单量'),
      )
    } finally {
      await expired.close()
      await quota.close()
    }
  })
})

describe('/poll subscribe', () => {
  const callbackurl = 'http://127.0.0.1:9/kuaidi100?order=1'

  it('200 提交成功, then 501 while polling', async () => {
    const param = { company: 'zhongtong', number: '75200000000010', key, parameters: { callbackurl, salt: 's', resultv2: '4' } }
    expect((await subscribe(param)).json).toEqual({ result: true, returnCode: '200', message: '提交成功' })
    expect((await subscribe(param)).json).toEqual(failure('501', '重复订阅'))
    expect(sandbox.subscriptions().find((sub) => sub.trackingNo === '75200000000010')).toMatchObject({
      vendor: 'kuaidi100',
      vendorCarrier: 'zhongtong',
      state: 'polling',
      salt: 's',
      resultv2: '4',
      callbackUrl: callbackurl,
    })
  })

  it('autoCom=1 recognises the company; 702 when it cannot', async () => {
    expect(
      (await subscribe({ company: '', number: 'YT2000000000011', key, parameters: { callbackurl, autoCom: '1' } })).json.returnCode,
    ).toBe('200')
    expect(sandbox.subscriptions().find((sub) => sub.trackingNo === 'YT2000000000011')?.vendorCarrier).toBe('yuantong')
    expect((await subscribe({ company: '', number: 'UNKNOWN1', key, parameters: { callbackurl, autoCom: '1' } })).json).toEqual(
      failure('702', '识别不到该单号对应的快递公司'),
    )
  })

  it.each([
    ['a wrong key', { company: 'yuantong', number: 'YT1', key: 'nope', parameters: { callbackurl } }, '600', '不是合法的订阅者'],
    ['no number', { company: 'yuantong', number: '', key, parameters: { callbackurl } }, '700', '订阅数据错误'],
    ['an unsupported company', { company: 'nope', number: 'YT1', key, parameters: { callbackurl } }, '700', '订阅数据错误'],
    ['no callback url', { company: 'yuantong', number: 'YT1', key, parameters: {} }, '700', '错误的回调地址'],
    [
      'an https callback (http only unless Kuaidi100 enables it)',
      { company: 'yuantong', number: 'YT1', key, parameters: { callbackurl: 'https://example.test/cb' } },
      '700',
      '错误的回调地址',
    ],
    [
      'shunfeng without phone',
      { company: 'shunfeng', number: 'SF1', key, parameters: { callbackurl } },
      '700',
      '订阅数据错误：该快递公司需提供phone（手机号后四位）',
    ],
  ])('%s', async (_label, param, returnCode, message) => {
    expect((await subscribe(param)).json).toEqual(failure(returnCode, message))
  })

  it('700 for a body without schema=json or with unparsable param', async () => {
    const url = `${sandbox.url}/poll`
    expect((await postForm(url, new URLSearchParams({ param: '{}' }).toString())).json).toEqual(failure('700', '订阅数据错误'))
    expect((await postForm(url, new URLSearchParams({ schema: 'json', param: '{nope' }).toString())).json).toEqual(
      failure('700', '订阅数据错误'),
    )
  })

  it('701 for a company that refuses subscriptions', async () => {
    const refusing = await startSandbox({ clock: createManualClock(), kuaidi100: { customer, key, refusedCompanies: ['ems'] } })
    try {
      const body = kuaidi100SubscribeBody({ company: 'ems', number: '1000000000012', key, parameters: { callbackurl } })
      expect((await postForm(`${refusing.url}/poll`, body)).json).toEqual(failure('701', '拒绝订阅的快递公司'))
    } finally {
      await refusing.close()
    }
  })
})

describe('autonumber/auto', () => {
  it('a JSON array of candidates, most likely first', async () => {
    const answer = await postForm<Array<{ comCode: string; name: string }>>(
      `${sandbox.url}/autonumber/auto?num=5123456789012&key=${key}`,
      '',
    )
    expect(answer.json.map((item) => item.comCode)).toEqual(['yunda', 'ems'])
    expect(answer.json[0]).toMatchObject({ comCode: 'yunda', name: '韵达速递' })
    expect((await postForm(`${sandbox.url}/autonumber/auto?num=NOTHING&key=${key}`, '')).json).toEqual([])
    expect((await postForm(`${sandbox.url}/autonumber/auto?num=YT1&key=wrong`, '')).json.returnCode).toBe('600')
  })
})
