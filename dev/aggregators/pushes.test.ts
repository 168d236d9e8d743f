// Pushes over real HTTP to local receivers on a manual clock: signatures checked with node:crypto
// per the docs, full snapshots in order, batching, duplicates and reorders when asked, and
// vendor-specific statuses (shutdown, abort, carrier correction).
import { createManualClock, DEV_KDNIAO, DEV_KUAIDI100, startSandbox, type Faults, type Sandbox } from './index'
import { KDNIAO_ACK, KUAIDI100_ACK, startReceiver, type ReceivedPush, type Receiver } from './testing/receiver'
import { kdniaoBody, kdniaoSign, kuaidi100SubscribeBody, md5, postForm } from './testing/vendorClient'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const SALT = 'pepper'

interface Rig {
  sandbox: Sandbox
  kdniao: Receiver
  kuaidi100: Receiver
}
const rigs: Rig[] = []
afterAll(async () => {
  for (const rig of rigs) await Promise.all([rig.sandbox.close(), rig.kdniao.close(), rig.kuaidi100.close()])
})

async function rig(speed?: number): Promise<Rig> {
  const kdniao = await startReceiver(() => ({ status: 200, body: KDNIAO_ACK }))
  const kuaidi100 = await startReceiver(() => ({ status: 200, body: KUAIDI100_ACK }))
  const sandbox = await startSandbox({
    clock: createManualClock({ ioWaitMs: 200 }),
    speed,
    kdniao: { ...DEV_KDNIAO, pushUrl: `${kdniao.url}/tracking/push/kdniao` },
  })
  const created = { sandbox, kdniao, kuaidi100 }
  rigs.push(created)
  return created
}

async function subscribeKdniao(sandbox: Sandbox, shipperCode: string, logisticCode: string, extra: Record<string, string> = {}) {
  const requestData = JSON.stringify({ ShipperCode: shipperCode, LogisticCode: logisticCode, ...extra })
  const answer = await postForm(`${sandbox.url}/api/dist`, kdniaoBody({ requestType: '8008', requestData, ...DEV_KDNIAO }))
  expect(answer.json.Success).toBe(true)
}

async function subscribeKuaidi100(
  sandbox: Sandbox,
  receiver: Receiver,
  company: string,
  number: string,
  parameters: Record<string, unknown> = { salt: SALT },
) {
  const param = {
    company,
    number,
    key: DEV_KUAIDI100.key,
    parameters: { callbackurl: `${receiver.url}/tracking/push/kuaidi100?n=${number}`, ...parameters },
  }
  const answer = await postForm(`${sandbox.url}/poll`, kuaidi100SubscribeBody(param))
  expect(answer.json.returnCode).toBe('200')
}

/** Kdniao push: verify DataSign per §1.6 with node:crypto, return the decoded RequestData. */
function openKdniao(push: ReceivedPush | undefined, appKey = DEV_KDNIAO.appKey) {
  if (!push) throw new Error('no such push')
  expect(Object.keys(push.fields).sort()).toEqual(['DataSign', 'RequestData', 'RequestType'])
  const requestData = push.fields.RequestData ?? ''
  return { valid: push.fields.DataSign === kdniaoSign(requestData, appKey), data: JSON.parse(requestData) }
}

function openKuaidi100(push: ReceivedPush | undefined, salt = SALT) {
  if (!push) throw new Error('no such push')
  const param = push.fields.param ?? ''
  return { valid: push.fields.sign === md5(param + salt).toUpperCase(), param: JSON.parse(param) }
}

const traceCounts = (pushes: ReceivedPush[], no: string) =>
  pushes
    .flatMap((push) => openKdniao(push).data.Data)
    .filter((item: { LogisticCode: string }) => item.LogisticCode === no)
    .map((item: { Traces: unknown[] }) => item.Traces.length)

describe('Kdniao 102 pushes', () => {
  it('one signed full snapshot per scan, traces ascending, until signed', async () => {
    const { sandbox, kdniao } = await rig()
    await subscribeKdniao(sandbox, 'YTO', 'YT3000000000001', { Callback: 'order-1' })
    await sandbox.clock.advance(3 * DAY)
    expect(kdniao.received).toHaveLength(8)
    kdniao.received.forEach((push, i) => {
      expect(push.path).toBe('/tracking/push/kdniao')
      expect(push.fields.RequestType).toBe('102')
      const { valid, data } = openKdniao(push)
      expect(valid).toBe(true)
      expect(data).toMatchObject({
        EBusinessID: DEV_KDNIAO.eBusinessId,
        Count: '1',
        PushTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      })
      const [item] = data.Data
      expect(item).toMatchObject({ ShipperCode: 'YTO', LogisticCode: 'YT3000000000001', Success: true, CallBack: 'order-1' })
      expect(item.Traces).toHaveLength(i + 1)
      const times = item.Traces.map((trace: { AcceptTime: string }) => trace.AcceptTime)
      expect(times).toEqual([...times].sort())
      expect(item.StateEx).toBe(item.Traces[i].Action)
    })
    expect(openKdniao(kdniao.received[7]).data.Data[0]).toMatchObject({ State: '3', StateEx: '301' })
    expect(sandbox.deliveries().every((attempt) => attempt.ackOk && attempt.attempt === 1 && attempt.outcome === 'acked')).toBe(true)
    expect(sandbox.subscriptions()[0]?.state).toBe('ended')
  })

  it('batches waybills due at the same instant into one push with a string Count', async () => {
    const { sandbox, kdniao } = await rig()
    await subscribeKdniao(sandbox, 'YTO', 'YT3000000000002')
    await subscribeKdniao(sandbox, 'YTO', 'YT3000000000003')
    await sandbox.clock.advance(3 * DAY)
    expect(kdniao.received).toHaveLength(8)
    for (const push of kdniao.received) {
      const { valid, data } = openKdniao(push)
      expect(valid).toBe(true)
      expect(data.Count).toBe('2')
      expect(data.Data.map((item: { LogisticCode: string }) => item.LogisticCode)).toEqual(['YT3000000000002', 'YT3000000000003'])
    }
  })

  it('duplicate: every push arrives twice, byte for byte', async () => {
    const { sandbox, kdniao } = await rig()
    sandbox.assignScenario('YT3000000000004', 'yto-normal', { duplicate: true })
    await subscribeKdniao(sandbox, 'YTO', 'YT3000000000004')
    await sandbox.clock.advance(3 * DAY)
    expect(kdniao.received).toHaveLength(16)
    for (let i = 0; i < 16; i += 2) expect(kdniao.received[i]?.body).toBe(kdniao.received[i + 1]?.body)
    expect(traceCounts(kdniao.received, 'YT3000000000004')).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8])
  })

  it('reorder: an older snapshot lands after a newer one', async () => {
    const { sandbox, kdniao } = await rig()
    sandbox.assignScenario('YT3000000000005', 'yto-normal', { reorder: true })
    await subscribeKdniao(sandbox, 'YTO', 'YT3000000000005')
    await sandbox.clock.advance(3 * DAY)
    expect(traceCounts(kdniao.received, 'YT3000000000005')).toEqual([2, 1, 4, 3, 6, 5, 8, 7])
  })

  it('a re-subscribe pushes what already happened at once and does not double later pushes', async () => {
    const { sandbox, kdniao } = await rig()
    await subscribeKdniao(sandbox, 'YTO', 'YT3000000000006')
    await sandbox.clock.advance(5 * HOUR)
    await subscribeKdniao(sandbox, 'YTO', 'YT3000000000006')
    await sandbox.clock.advance(3 * DAY)
    expect(traceCounts(kdniao.received, 'YT3000000000006')).toEqual([1, 2, 2, 3, 4, 5, 6, 7, 8])
  })

  it('corrupt signature, drop and delay', async () => {
    const { sandbox, kdniao } = await rig()
    sandbox.assignScenario('YT3000000000007', 'yto-normal', { corruptSignature: true })
    sandbox.assignScenario('YT3000000000008', 'yto-normal', { drop: true })
    sandbox.assignScenario('YT3000000000009', 'yto-normal', { delayMs: 10 * MINUTE })
    for (const no of ['YT3000000000007', 'YT3000000000008', 'YT3000000000009']) await subscribeKdniao(sandbox, 'YTO', no)
    await sandbox.clock.advance(26 * MINUTE)
    const early = kdniao.received.map((push) => openKdniao(push))
    expect(early).toHaveLength(1)
    expect(early[0]?.valid).toBe(false)
    await sandbox.clock.advance(10 * MINUTE)
    const later = kdniao.received.slice(1).map((push) => openKdniao(push))
    expect(later).toHaveLength(1)
    expect(later[0]).toMatchObject({ valid: true, data: { Data: [{ LogisticCode: 'YT3000000000009' }] } })
    // Dropped pushes are still visible to queries.
    const query = await postForm(
      `${sandbox.url}/Ebusiness/EbusinessOrderHandle.aspx`,
      kdniaoBody({
        requestType: '8001',
        requestData: JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT3000000000008' }),
        ...DEV_KDNIAO,
      }),
    )
    expect(query.json.Traces).toHaveLength(1)
  })

  it('1008 subscriptions get the basic 101 push: no StateEx, no Action', async () => {
    const { sandbox, kdniao } = await rig()
    const requestData = JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT3000000000011' })
    await postForm(`${sandbox.url}/api/dist`, kdniaoBody({ requestType: '1008', requestData, ...DEV_KDNIAO }))
    await sandbox.clock.advance(HOUR)
    expect(kdniao.received[0]?.fields.RequestType).toBe('101')
    const [item] = openKdniao(kdniao.received[0]).data.Data
    expect(item).toMatchObject({ State: '1', Traces: [{ AcceptStation: expect.any(String) }] })
    expect(item).not.toHaveProperty('StateEx')
    expect(item.Traces[0]).not.toHaveProperty('Action')
  })

  it('speed compresses scenario time in real-time mode', async () => {
    const { sandbox, kdniao } = await rig(60)
    await subscribeKdniao(sandbox, 'SF', 'SF3000000000010', { CustomerName: '1234' })
    await sandbox.clock.advance(30 * MINUTE)
    expect(kdniao.received).toHaveLength(8)
  })
})

describe('Kuaidi100 pushes', () => {
  it('signed polling snapshots newest first, then shutdown when signed', async () => {
    const { sandbox, kuaidi100 } = await rig()
    await subscribeKuaidi100(sandbox, kuaidi100, 'zhongtong', '75300000000001', { salt: SALT, resultv2: '4' })
    await sandbox.clock.advance(2 * DAY)
    expect(kuaidi100.received).toHaveLength(8)
    kuaidi100.received.forEach((push, i) => {
      expect(push.path).toBe('/tracking/push/kuaidi100?n=75300000000001')
      const { valid, param } = openKuaidi100(push)
      expect(valid).toBe(true)
      expect(param).toMatchObject({ status: i === 7 ? 'shutdown' : 'polling', message: '', autoCheck: '0', comOld: '', comNew: '' })
      expect(param.lastResult).toMatchObject({
        message: 'ok',
        com: 'zhongtong',
        nu: '75300000000001',
        status: '200',
        ischeck: i === 7 ? '1' : '0',
      })
      const times = param.lastResult.data.map((item: { ftime: string }) => item.ftime)
      expect(times).toHaveLength(i + 1)
      expect(times).toEqual([...times].sort().reverse())
      expect(param.lastResult.data[0]).toHaveProperty('statusCode')
      expect(param.lastResult.data[0]).toHaveProperty('areaName')
    })
    expect(sandbox.subscriptions()[0]?.state).toBe('shutdown')
  })

  it('without a salt the push carries no sign', async () => {
    const { sandbox, kuaidi100 } = await rig()
    await subscribeKuaidi100(sandbox, kuaidi100, 'yuantong', 'YT3000000000020', {})
    await sandbox.clock.advance(HOUR)
    expect(kuaidi100.received.slice(0, 1).map((push) => Object.keys(push.fields))).toEqual([['param']])
  })

  it('carrier correction: abort with autoCheck=0 and comNew, then autoCheck=1 with comOld/comNew', async () => {
    const { sandbox, kuaidi100 } = await rig()
    sandbox.assignScenario('75300000000021', 'zto-normal', { carrierCorrection: 'ZTO' })
    await subscribeKuaidi100(sandbox, kuaidi100, 'yuantong', '75300000000021')
    await sandbox.clock.advance(2 * DAY)
    const params = kuaidi100.received.map((push) => openKuaidi100(push))
    expect(params.every((opened) => opened.valid)).toBe(true)
    expect(params[0]?.param).toMatchObject({
      status: 'abort',
      autoCheck: '0',
      comNew: 'zhongtong',
      lastResult: { com: 'yuantong', data: [] },
    })
    expect(params.slice(1)).toHaveLength(8)
    for (const { param } of params.slice(1)) {
      expect(param).toMatchObject({ autoCheck: '1', comOld: 'yuantong', comNew: 'zhongtong', lastResult: { com: 'zhongtong' } })
    }
    // Kuaidi100 now follows the number under the corrected code itself.
    expect(sandbox.subscriptions().map((sub) => [sub.vendorCarrier, sub.state])).toEqual([
      ['yuantong', 'abort'],
      ['zhongtong', 'shutdown'],
    ])
  })

  it('3天查询无记录: abort three days after subscribing when the carrier never reports', async () => {
    const { sandbox, kuaidi100, kdniao } = await rig()
    sandbox.assignScenario('YT3000000000022', 'yto-normal', { noRecord: true })
    await subscribeKuaidi100(sandbox, kuaidi100, 'yuantong', 'YT3000000000022')
    await subscribeKdniao(sandbox, 'YTO', 'YT3000000000022')
    await sandbox.clock.advance(3 * DAY - MINUTE)
    expect(kuaidi100.received).toHaveLength(0)
    await sandbox.clock.advance(MINUTE)
    expect(openKuaidi100(kuaidi100.received[0]).param).toMatchObject({
      status: 'abort',
      message: '3天查询无记录',
      lastResult: { data: [] },
    })
    expect(kdniao.received).toHaveLength(0)
  })

  it('60天无变化: a stuck parcel is aborted 60 days after its last scan', async () => {
    const { sandbox, kuaidi100 } = await rig()
    sandbox.assignScenario('YT3000000000023', 'stuck')
    await subscribeKuaidi100(sandbox, kuaidi100, 'yuantong', 'YT3000000000023')
    await sandbox.clock.advance(59 * DAY)
    expect(kuaidi100.received.map((push) => openKuaidi100(push).param.status)).toEqual(['polling', 'polling', 'polling', 'polling'])
    await sandbox.clock.advance(2 * DAY)
    expect(openKuaidi100(kuaidi100.received[4]).param).toMatchObject({ status: 'abort', message: '60天无变化' })
    expect(openKuaidi100(kuaidi100.received[4]).param.lastResult.data).toHaveLength(4)
  })

  it('after shutdown a re-subscribe is accepted (30 minutes later), not before', async () => {
    const { sandbox, kuaidi100 } = await rig()
    await subscribeKuaidi100(sandbox, kuaidi100, 'yuantong', 'YT3000000000024')
    await sandbox.clock.advance(2700 * MINUTE)
    const body = kuaidi100SubscribeBody({
      company: 'yuantong',
      number: 'YT3000000000024',
      key: DEV_KUAIDI100.key,
      parameters: { callbackurl: `${kuaidi100.url}/x` },
    })
    expect((await postForm(`${sandbox.url}/poll`, body)).json.returnCode).toBe('501')
    await sandbox.clock.advance(30 * MINUTE)
    expect((await postForm(`${sandbox.url}/poll`, body)).json.returnCode).toBe('200')
  })
})

describe('faults are per number', () => {
  it('knobs on one number leave another alone', async () => {
    const { sandbox, kuaidi100 } = await rig()
    const faults: Faults = { duplicate: true }
    sandbox.assignScenario('YT3000000000030', 'yto-normal', faults)
    await subscribeKuaidi100(sandbox, kuaidi100, 'yuantong', 'YT3000000000030')
    await subscribeKuaidi100(sandbox, kuaidi100, 'yuantong', 'YT3000000000031')
    await sandbox.clock.advance(3 * DAY)
    const count = (no: string) => kuaidi100.received.filter((push) => push.path.endsWith(no)).length
    expect([count('YT3000000000030'), count('YT3000000000031')]).toEqual([16, 8])
  })
})
