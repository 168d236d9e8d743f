// Push acknowledgement and retry schedules on a manual clock (reference/aggregators.md §1.6, §2.5):
// only HTTP 200 with the exact ack counts; a wrong body, a failure status, a refused connection
// or a timeout is retried — Kuaidi100 3 × 35 min, Kdniao (UNVERIFIED) 1 m, 5 m, 30 m, 2 h, 6 h.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createManualClock, DEV_KDNIAO, DEV_KUAIDI100, startSandbox, type DeliveryAttempt, type Sandbox } from './index'
import { KDNIAO_ACK, KUAIDI100_ACK, startReceiver, type Receiver, type ReceiverAnswer } from './testing/receiver'
import { kdniaoBody, kuaidi100SubscribeBody, postForm } from './testing/vendorClient'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const cleanup: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const close of cleanup) await close()
})

async function setup(answer: (index: number) => ReceiverAnswer, kdniaoTarget?: string) {
  const receiver = await startReceiver((_push, index) => answer(index))
  const sandbox = await startSandbox({
    clock: createManualClock({ ioWaitMs: 150 }),
    kdniao: { ...DEV_KDNIAO, pushUrl: kdniaoTarget ?? `${receiver.url}/kdniao` },
  })
  cleanup.push(
    () => sandbox.close(),
    () => receiver.close(),
  )
  return { sandbox, receiver }
}

/** sf-normal's first scan is 20 minutes after subscribing: subscribe, then one push is due. */
async function subscribeKdniao(sandbox: Sandbox) {
  const requestData = JSON.stringify({ ShipperCode: 'SF', LogisticCode: 'SF4000000000001', CustomerName: '1234' })
  expect((await postForm(`${sandbox.url}/api/dist`, kdniaoBody({ requestType: '8008', requestData, ...DEV_KDNIAO }))).json.Success).toBe(
    true,
  )
}

async function subscribeKuaidi100(sandbox: Sandbox, receiver: Receiver) {
  const param = {
    company: 'yuantong',
    number: 'YT4000000000001',
    key: DEV_KUAIDI100.key,
    parameters: { callbackurl: `${receiver.url}/k100`, salt: 's' },
  }
  expect((await postForm(`${sandbox.url}/poll`, kuaidi100SubscribeBody(param))).json.returnCode).toBe('200')
}

const firstPush = (sandbox: Sandbox): DeliveryAttempt[] => {
  const attempts = sandbox.deliveries()
  return attempts.filter((attempt) => attempt.pushId === attempts[0]?.pushId)
}
const gaps = (attempts: DeliveryAttempt[]) =>
  attempts.flatMap((attempt, i) => {
    const next = attempts[i + 1]
    return next ? [next.at - attempt.at] : []
  })

describe('Kdniao push retries (UNVERIFIED schedule: 1 m, 5 m, 30 m, 2 h, 6 h)', () => {
  it('a wrong ack body, then a 500, then the right ack: retried 1 m and 5 m later, then never again', async () => {
    const answers: ReceiverAnswer[] = [
      { status: 200, body: JSON.stringify({ Success: false, Reason: 'busy' }) },
      { status: 500, body: KDNIAO_ACK },
      { status: 200, body: KDNIAO_ACK },
    ]
    const { sandbox, receiver } = await setup((index) => answers[index] ?? { status: 200, body: KDNIAO_ACK })
    await subscribeKdniao(sandbox)
    await sandbox.clock.advance(20 * MINUTE)
    await sandbox.clock.advance(6 * MINUTE)
    const attempts = firstPush(sandbox)
    expect(attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.status, attempt.ackOk])).toEqual([
      [1, 'bad-ack', 200, false],
      [2, 'http-error', 500, false],
      [3, 'acked', 200, true],
    ])
    expect(gaps(attempts)).toEqual([MINUTE, 5 * MINUTE])
    expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1)
    expect(attempts[2]?.nextAttemptAt).toBeNull()
    await sandbox.clock.advance(DAY)
    expect(firstPush(sandbox)).toHaveLength(3)
    expect(receiver.received.filter((push) => push.body === attempts[0]?.body)).toHaveLength(3)
  })

  it('a receiver that never acks gets 1 + 5 attempts on the full schedule, then is given up on', async () => {
    const { sandbox } = await setup(() => ({ status: 200, body: 'ok' }))
    await subscribeKdniao(sandbox)
    await sandbox.clock.advance(20 * MINUTE + 9 * HOUR)
    const attempts = firstPush(sandbox)
    expect(attempts).toHaveLength(6)
    expect(gaps(attempts)).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR])
    expect(attempts[5]?.nextAttemptAt).toBeNull()
  })

  it('a refused connection is retried', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const { sandbox } = await setup(() => ({ status: 200, body: KDNIAO_ACK }), `http://127.0.0.1:${port}/kdniao`)
    await subscribeKdniao(sandbox)
    await sandbox.clock.advance(21 * MINUTE)
    expect(firstPush(sandbox).map((attempt) => [attempt.outcome, attempt.status])).toEqual([
      ['refused', null],
      ['refused', null],
    ])
  })
})

describe('Kuaidi100 push retries (3 × 35 min)', () => {
  it('a timeout is retried 35 min after the 20 s timeout, then acked', async () => {
    const { sandbox, receiver } = await setup((index) => (index === 0 ? 'hang' : { status: 200, body: KUAIDI100_ACK }))
    await subscribeKuaidi100(sandbox, receiver)
    await sandbox.clock.advance(2 * HOUR)
    const attempts = firstPush(sandbox)
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['timeout', 'acked'])
    expect(gaps(attempts)).toEqual([20_000 + 35 * MINUTE])
  })

  it('a near-miss ack (returnCode as a number) is a failure; 1 + 3 attempts, 35 min apart', async () => {
    const { sandbox, receiver } = await setup(() => ({
      status: 200,
      body: JSON.stringify({ result: true, returnCode: 200, message: '成功' }),
    }))
    await subscribeKuaidi100(sandbox, receiver)
    await sandbox.clock.advance(4 * HOUR)
    const attempts = firstPush(sandbox)
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['bad-ack', 'bad-ack', 'bad-ack', 'bad-ack'])
    expect(gaps(attempts)).toEqual([35 * MINUTE, 35 * MINUTE, 35 * MINUTE])
    expect(attempts[3]?.nextAttemptAt).toBeNull()
  })
})
