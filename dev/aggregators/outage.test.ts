// Vendor-API outages (setFaults): refuse with the vendor's own busy answer, or hold requests open,
// for a while of clock time; then recover. Nothing a refused request carried is kept.
import { createManualClock, DEV_KDNIAO, DEV_KUAIDI100, startSandbox, type Sandbox } from './index'
import { kdniaoBody, kuaidi100QueryBody, kuaidi100SubscribeBody, postForm } from './testing/vendorClient'

const MINUTE = 60_000
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ clock: createManualClock() })
})
afterAll(() => sandbox.close())

const kdniaoQuery = () =>
  postForm(
    `${sandbox.url}/Ebusiness/EbusinessOrderHandle.aspx`,
    kdniaoBody({
      requestType: '8001',
      requestData: JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT5000000000001' }),
      ...DEV_KDNIAO,
    }),
  )
const kuaidi100Query = () =>
  postForm(
    `${sandbox.url}/poll/query.do`,
    kuaidi100QueryBody(JSON.stringify({ com: 'yuantong', num: 'YT5000000000001' }), DEV_KUAIDI100.key, DEV_KUAIDI100.customer),
  )
const kuaidi100Subscribe = (number: string) =>
  postForm(
    `${sandbox.url}/poll`,
    kuaidi100SubscribeBody({
      company: 'yuantong',
      number,
      key: DEV_KUAIDI100.key,
      parameters: { callbackurl: 'http://127.0.0.1:9/cb' },
    }),
  )

describe('outage', () => {
  it("refuses with each vendor's busy answer, records nothing, then recovers", async () => {
    sandbox.setFaults({ outage: { mode: 'refuse', forMs: 10 * MINUTE } })
    expect((await kdniaoQuery()).json).toEqual({
      EBusinessID: DEV_KDNIAO.eBusinessId,
      Success: false,
      Reason: '系统错误[服务繁忙，请稍后重试]',
    })
    expect((await kuaidi100Query()).json).toEqual({ result: false, returnCode: '502', message: '服务器繁忙' })
    expect((await kuaidi100Subscribe('YT5000000000002')).json).toEqual({ result: false, returnCode: '500', message: '服务器错误' })
    expect(sandbox.subscriptions()).toEqual([])

    await sandbox.clock.advance(10 * MINUTE)
    expect((await kdniaoQuery()).json).toMatchObject({ Success: true })
    expect((await kuaidi100Subscribe('YT5000000000002')).json.returnCode).toBe('200')
  })

  it('can hit one vendor only', async () => {
    sandbox.setFaults({ outage: { vendor: 'kuaidi100', mode: 'refuse' } })
    expect((await kdniaoQuery()).json.Success).toBe(true)
    expect((await kuaidi100Query()).json.returnCode).toBe('502')
    sandbox.setFaults({})
    expect((await kuaidi100Query()).json.returnCode).not.toBe('502')
  })

  it("hang: requests are held open (clients time out); the outage's end answers them busy", async () => {
    sandbox.setFaults({ outage: { mode: 'hang', forMs: 5 * MINUTE } })
    await expect(fetch(`${sandbox.url}/poll/query.do`, { method: 'POST', body: '', signal: AbortSignal.timeout(200) })).rejects.toThrow()
    const held = kdniaoQuery()
    const raced = await Promise.race([held.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('still held'), 100))])
    expect(raced).toBe('still held')
    await sandbox.clock.advance(5 * MINUTE)
    expect((await held).json).toMatchObject({ Success: false, Reason: '系统错误[服务繁忙，请稍后重试]' })
    expect((await kdniaoQuery()).json.Success).toBe(true)
  })

  it('rejects invalid knobs with a clear error and keeps the old ones', async () => {
    sandbox.setFaults({ outage: { mode: 'refuse' } })
    expect(() => sandbox.setFaults({ outage: { mode: 'explode' as 'refuse' } })).toThrow(/mode/)
    expect(() => sandbox.setFaults({ duplicate: 2 })).toThrow()
    expect((await kdniaoQuery()).json.Success).toBe(false)
    sandbox.setFaults({})
    expect((await kdniaoQuery()).json.Success).toBe(true)
  })
})
