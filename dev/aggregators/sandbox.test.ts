// The programmatic API and the sandbox's own HTTP surface: input validation, the admin routes a
// standalone sandbox is driven by, and setKdniaoPushUrl for rigs whose receiver starts later.
import { createManualClock, DEV_KDNIAO, startSandbox, type Sandbox } from './index'
import { KDNIAO_ACK, startReceiver } from './testing/receiver'
import { kdniaoBody, postForm } from './testing/vendorClient'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ clock: createManualClock() })
})
afterAll(() => sandbox.close())

describe('programmatic API', () => {
  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it.each([
    ['an unknown scenario', () => sandbox.assignScenario('YT1', 'no-such-story'), /unknown scenario/],
    [
      'a phone tail that is not four digits',
      () => sandbox.assignScenario('SF1', 'sf-normal', undefined, { phoneTail: '12' }),
      /four digits/,
    ],
    ['an unknown knob', () => sandbox.assignScenario('YT1', 'yto-normal', { explode: true } as never), /explode/],
    ['an empty tracking number', () => sandbox.assignScenario('', 'yto-normal'), /too_small|at least/i],
    ['a non-http push URL', () => sandbox.setKdniaoPushUrl('ftp://127.0.0.1/x'), /http/],
  ])('refuses %s', (_label, act, message) => {
    expect(act).toThrow(message)
  })

  it('refuses invalid options', async () => {
    await expect(startSandbox({ speed: 0 })).rejects.toThrow()
    await expect(startSandbox({ kdniao: { eBusinessId: '', appKey: 'x' } })).rejects.toThrow()
  })

  it('setKdniaoPushUrl points pushes at a receiver that started later', async () => {
    const clock = createManualClock()
    const own = await startSandbox({ clock })
    const receiver = await startReceiver(() => ({ status: 200, body: KDNIAO_ACK }))
    try {
      own.setKdniaoPushUrl(`${receiver.url}/late`)
      const requestData = JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT6000000000001' })
      await postForm(`${own.url}/api/dist`, kdniaoBody({ requestType: '8008', requestData, ...DEV_KDNIAO }))
      await clock.advance(30 * 60_000)
      expect(receiver.received.map((push) => push.path)).toEqual(['/late'])
      expect(own.deliveries()[0]).toMatchObject({
        vendor: 'kdniao',
        url: `${receiver.url}/late`,
        attempt: 1,
        ackOk: true,
        trackingNos: ['YT6000000000001'],
      })
    } finally {
      await own.close()
      await receiver.close()
    }
  })
})

describe('HTTP surface', () => {
  it('404 for unknown paths, 405 for a GET on a vendor path, 413 over 1 MB', async () => {
    expect((await fetch(`${sandbox.url}/nope`, { method: 'POST' })).status).toBe(404)
    expect((await fetch(`${sandbox.url}/poll/query.do`)).status).toBe(405)
    expect((await fetch(`${sandbox.url}/poll`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) })).status).toBe(413)
  })

  it('the Kdniao path is matched case-insensitively, as IIS does', async () => {
    const requestData = JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT6000000000002' })
    const answer = await postForm(
      `${sandbox.url}/ebusiness/ebusinessorderhandle.aspx`,
      kdniaoBody({ requestType: '8001', requestData, ...DEV_KDNIAO }),
    )
    expect(answer.json.Success).toBe(true)
  })

  it('admin routes assign stories, set faults and list state', async () => {
    const scenarios = await (await fetch(`${sandbox.url}/sandbox/v1/scenarios`)).json()
    expect(scenarios).toContainEqual({ name: 'locker-pickup', description: expect.any(String) })
    const assign = await fetch(`${sandbox.url}/sandbox/v1/scenarios`, {
      method: 'POST',
      body: JSON.stringify({ trackingNo: 'YT6000000000003', scenario: 'locker-pickup', faults: { duplicate: true } }),
    })
    expect(await assign.json()).toEqual({ ok: true })
    const requestData = JSON.stringify({ ShipperCode: 'YTO', LogisticCode: 'YT6000000000003' })
    await postForm(`${sandbox.url}/api/dist`, kdniaoBody({ requestType: '8008', requestData, ...DEV_KDNIAO }))
    const subscriptions = await (await fetch(`${sandbox.url}/sandbox/v1/subscriptions`)).json()
    expect(subscriptions).toContainEqual(expect.objectContaining({ trackingNo: 'YT6000000000003', scenario: 'locker-pickup' }))
    expect(await (await fetch(`${sandbox.url}/sandbox/v1/deliveries`)).json()).toEqual([])

    const bad = await fetch(`${sandbox.url}/sandbox/v1/scenarios`, {
      method: 'POST',
      body: JSON.stringify({ trackingNo: 'x', scenario: 'nope' }),
    })
    expect(bad.status).toBe(400)
    const faults = await fetch(`${sandbox.url}/sandbox/v1/faults`, { method: 'POST', body: JSON.stringify({ outage: { mode: 'refuse' } }) })
    expect(faults.status).toBe(200)
    const refused = await postForm(`${sandbox.url}/api/dist`, kdniaoBody({ requestType: '8008', requestData, ...DEV_KDNIAO }))
    expect(refused.json.Success).toBe(false)
    await fetch(`${sandbox.url}/sandbox/v1/faults`, { method: 'POST', body: '{}' })
    expect((await fetch(`${sandbox.url}/sandbox/v1/faults`, { method: 'POST', body: 'not json' })).status).toBe(400)
  })
})
