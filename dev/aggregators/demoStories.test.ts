// Stories for the local stack: a backdated story (a parcel shipped before the sandbox heard of it)
// and a sandbox restarted from its state file, whose parcels continue on the same timeline.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { createManualClock, DEV_KDNIAO, SCENARIOS, startSandbox, type Sandbox } from './index'
import { KDNIAO_ACK, startReceiver, type Receiver } from './testing/receiver'
import { kdniaoBody, postForm } from './testing/vendorClient'

const MINUTE = 60_000
const START = Date.UTC(2025, 0, 2, 0, 0, 0)
const NUMBER = 'SF1400000007001'
const SCENARIO = SCENARIOS.get('sf-normal')!

let receiver: Receiver
const sandboxes: Sandbox[] = []
const directory = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'))
beforeAll(async () => {
  receiver = await startReceiver(() => ({ status: 200, body: KDNIAO_ACK }))
})
afterAll(async () => {
  for (const sandbox of sandboxes) await sandbox.close()
  await receiver.close()
  rmSync(directory, { recursive: true, force: true })
})

async function sandboxAt(startAt: number, options: { speed?: number; stateFile?: string } = {}) {
  const clock = createManualClock({ startAt, ioWaitMs: 200 })
  const sandbox = await startSandbox({ clock, ...options, kdniao: { ...DEV_KDNIAO, pushUrl: `${receiver.url}/tracking/push/kdniao` } })
  sandboxes.push(sandbox)
  return { sandbox, clock }
}

async function subscribe(sandbox: Sandbox) {
  const requestData = JSON.stringify({ ShipperCode: 'SF', LogisticCode: NUMBER, CustomerName: '1234' })
  const answer = await postForm(`${sandbox.url}/api/dist`, kdniaoBody({ requestType: '8008', requestData, ...DEV_KDNIAO }))
  expect(answer.json.Success).toBe(true)
}

/** AcceptTime of each trace in the newest push about NUMBER, as epoch ms (the sandbox writes Beijing time). */
function lastPushTraceTimes(): number[] {
  const pushes = receiver.received.filter((push) => push.fields.RequestData?.includes(NUMBER))
  const requestData = pushes.at(-1)?.fields.RequestData
  if (requestData === undefined) return []
  const data = JSON.parse(requestData) as { Data: Array<{ Traces: Array<{ AcceptTime: string }> }> }
  return (data.Data[0]?.Traces ?? []).map((trace) => Date.parse(`${trace.AcceptTime.replace(' ', 'T')}+08:00`))
}

describe('a backdated story', () => {
  it('has its past at real spacing and plays the rest at the sandbox speed', async () => {
    const speed = 60
    const { sandbox, clock } = await sandboxAt(START, { speed })
    sandbox.assignScenario(NUMBER, 'sf-normal', undefined, { phoneTail: '1234', startedMinutesAgo: 300 })
    receiver.received.length = 0
    await subscribe(sandbox)
    await clock.settle()
    // Scans at minutes 20, 120, 300 had happened: one snapshot right away, 280 and 180 real minutes apart.
    expect(lastPushTraceTimes()).toEqual([START - 280 * MINUTE, START - 180 * MINUTE, START])
    // The next scan (minute 420) comes 120 scenario minutes later, i.e. 2 real minutes at speed 60.
    await clock.advance(2 * MINUTE)
    expect(lastPushTraceTimes()).toEqual([START - 280 * MINUTE, START - 180 * MINUTE, START, START + 2 * MINUTE])
  })
})

describe('a sandbox restarted from its state file', () => {
  it('resumes every subscription on the same timeline, pushing what it missed at once', async () => {
    const stateFile = path.join(directory, 'state.json')
    const first = await sandboxAt(START, { stateFile })
    first.sandbox.assignScenario(NUMBER, 'sf-normal', undefined, { phoneTail: '1234' })
    receiver.received.length = 0
    await subscribe(first.sandbox)
    await first.clock.advance(130 * MINUTE)
    const before = lastPushTraceTimes()
    expect(before).toEqual([START + 20 * MINUTE, START + 120 * MINUTE])
    await first.sandbox.close()

    // Down for ten hours: the scans at minutes 300 and 420 happened meanwhile.
    const restartAt = START + 600 * MINUTE
    const second = await sandboxAt(restartAt, { stateFile })
    expect(second.sandbox.subscriptions().map((subscription) => [subscription.trackingNo, subscription.state])).toEqual([
      [NUMBER, 'active'],
    ])
    await second.clock.settle()
    expect(lastPushTraceTimes()).toEqual([20, 120, 300, 420].map((minute) => START + minute * MINUTE))
    // And the story goes on to its end on the original timeline.
    await second.clock.advance(Math.max(...SCENARIO.events.map((event) => event.atMinute)) * MINUTE)
    expect(lastPushTraceTimes()).toEqual(SCENARIO.events.map((event) => START + event.atMinute * MINUTE))
  })

  it('starts empty without a state file', async () => {
    const { sandbox } = await sandboxAt(START, { stateFile: path.join(directory, 'absent', 'state.json') })
    expect(sandbox.subscriptions()).toEqual([])
  })
})
