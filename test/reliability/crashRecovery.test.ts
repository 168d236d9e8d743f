// The local cloud is KILLED (SIGKILL, no shutdown code) in the middle of ingesting aggregator pushes
// and restarted from its op-log: every push the aggregator saw acknowledged is still in the parcels
// after the restart, and every push it did not see acknowledged is retried on its schedule and
// lands. The devcloud runs in a child process configured as `npm run devcloud` runs it
// (scripts/load/devcloudChild.ts); the Kdniao sandbox runs here on a manual clock, so the aggregator's
// retry schedule (1 m, 5 m, 30 m, 2 h, 6 h) is followed exactly. Final timelines are compared with
// what the scenario files say, not with anything the code under test computed.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { BackfillTrackingResult, CreateOrderResult, ParcelDoc, PushInboxDoc } from '../../core/api'
import { createManualClock, DEV_KDNIAO, startSandbox, type DeliveryAttempt, type ManualClock, type Sandbox } from '../../dev/aggregators'
import { LOG_FILE } from '../../dev/cloud/persistence'
import { devcloudRest, type DevcloudRest } from '../../scripts/load/devcloudRest'
import { request } from '../../scripts/load/http'
import { freePort } from '../../dev/ports'
import { startDevcloudProcess, type DevcloudProcess } from '../../scripts/load/devcloudProcess'
import { ensureFunctionsBuilt } from '../functions/support/buildOnce'
import { expectedTimeline, timelineOf } from '../functions/support/expectations'
import { ADDRESS, DAY, MERCHANT, MINUTE, SHOPPER } from '../functions/support/rig'

/** Three orders shipped 7 minutes apart, so their first scans interleave into many separate pushes. */
const GROUPS = [
  [
    ['YT1480000000011', 'sf-normal'],
    ['YT1480000000012', 'zto-normal'],
    ['YT1480000000013', 'yto-normal'],
  ],
  [
    ['YT1480000000021', 'normal-delivery'],
    ['YT1480000000022', 'locker-pickup'],
    ['YT1480000000023', 'failed-then-delivered'],
  ],
  [
    ['YT1480000000031', 'yto-normal'],
    ['YT1480000000032', 'sf-normal'],
    ['YT1480000000033', 'zto-normal'],
  ],
] as const
const FAULTS: Record<string, { duplicate?: boolean; reorder?: boolean }> = {
  YT1480000000012: { duplicate: true },
  YT1480000000031: { reorder: true },
}

let clock: ManualClock
let sandbox: Sandbox
let persistDir: string
let port: number
let devcloud: DevcloudProcess | undefined
let rest: DevcloudRest
const startedAt = new Map<string, number>()

async function startCloud(): Promise<void> {
  devcloud = await startDevcloudProcess({
    port,
    persistDir,
    env: {
      TRACKING_VENDOR: 'kdniao',
      KDNIAO_EBUSINESS_ID: DEV_KDNIAO.eBusinessId,
      KDNIAO_APP_KEY: DEV_KDNIAO.appKey,
      KDNIAO_API_URL: sandbox.url,
      VENDOR_QPS: '100',
      PAYMENT_PROVIDER: 'simulated',
    },
  })
  rest = devcloudRest(devcloud.url)
}

beforeAll(async () => {
  await ensureFunctionsBuilt()
  persistDir = mkdtempSync(path.join(tmpdir(), 'devcloud-crash-'))
  port = await freePort()
  // Scenario time starts at the wall clock's minute; only the sandbox's clock is manual.
  clock = createManualClock({ startAt: Math.floor(Date.now() / MINUTE) * MINUTE, ioWaitMs: 15_000 })
  sandbox = await startSandbox({ clock, kdniao: { ...DEV_KDNIAO, qps: 1000, pushUrl: `http://127.0.0.1:${port}/tracking/push/kdniao` } })
  await startCloud()
})

afterAll(async () => {
  await sandbox?.close()
  await devcloud?.stop()
  if (persistDir) rmSync(persistDir, { recursive: true, force: true })
})

const parcel = async (trackingNo: string) => {
  const doc = await rest.get<ParcelDoc>('parcels', `YTO:${trackingNo}`)
  if (!doc) throw new Error(`no parcel YTO:${trackingNo}`)
  return doc
}

async function listInbox(): Promise<PushInboxDoc[]> {
  const answer = await request('GET', `${devcloud!.url}/devcloud/v1/db/pushInbox`)
  return (JSON.parse(answer.body) as { documents: PushInboxDoc[] }).documents
}

/** Tracking number → the scan texts a push body carried (Kdniao RequestData, §1.6). */
function scansIn(attempt: DeliveryAttempt): Array<[string, string[]]> {
  const requestData = new URLSearchParams(attempt.body).get('RequestData') ?? '{}'
  const data = (JSON.parse(requestData) as { Data: Array<{ LogisticCode: string; Traces: Array<{ AcceptStation: string }> }> }).Data
  return data.map((waybill) => [waybill.LogisticCode, waybill.Traces.map((trace) => trace.AcceptStation)])
}

test('a SIGKILL mid-ingest loses no acknowledged push, and the unacknowledged ones are retried and land', async () => {
  for (const group of GROUPS) {
    const placed = await rest.invoke<CreateOrderResult>(
      'createOrder',
      { items: [{ productId: 'prod-osmanthus-cakes', quantity: 3 }], address: ADDRESS },
      SHOPPER,
    )
    if (!placed.ok) throw new Error(placed.message)
    for (const [trackingNo, scenario] of group) {
      sandbox.assignScenario(trackingNo, scenario, FAULTS[trackingNo])
      startedAt.set(trackingNo, clock.now())
    }
    const shipped = await rest.invoke<BackfillTrackingResult>(
      'backfillTracking',
      { entries: group.map(([trackingNo]) => ({ orderId: placed.orderId, trackingNo, carrier: 'YTO' })) },
      MERCHANT,
    )
    expect(shipped).toMatchObject({ ok: true, results: group.map(() => ({ ok: true, outcome: 'created', subscription: 'subscribed' })) })
    await clock.advance(7 * MINUTE)
  }
  await clock.advance(3 * MINUTE) // minute 21 of the first story: its first scan is acked
  expect(sandbox.deliveries().filter((attempt) => attempt.ackOk).length).toBeGreaterThan(0)

  // The next 40 minutes hold the other stories' first scans. After two more acks the kill waits for
  // a push's inbox row to reach the op-log as `received` and strikes then, aiming between recording a
  // push and acknowledging it: the moment "inbox before ack" (DESIGN §3.3) exists for. Where exactly
  // it lands varies by a few ms; what is asserted below holds wherever it lands.
  const ackedBefore = sandbox.deliveries().filter((attempt) => attempt.ackOk).length
  const oplog = path.join(persistDir, LOG_FILE)
  const cloud = devcloud!
  let killed: Promise<void> | undefined
  let logMark: number | undefined
  let ingested = false
  const ingesting = clock.advance(40 * MINUTE).finally(() => {
    ingested = true
  })
  while (!killed && !ingested) {
    if (logMark === undefined && sandbox.deliveries().filter((attempt) => attempt.ackOk).length >= ackedBefore + 2)
      logMark = statSync(oplog).size
    if (logMark !== undefined && readFileSync(oplog).subarray(logMark).includes('\\"outcome\\":\\"received\\"')) killed = cloud.kill()
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  expect(killed).toBeDefined()
  await killed
  await ingesting

  const attempts = sandbox.deliveries()
  const acked = attempts.filter((attempt) => attempt.ackOk)
  const unanswered = attempts.filter((attempt) => attempt.outcome === 'refused')
  // Pushes after the kill found no receiver and wait for their retries.
  expect(unanswered.length).toBeGreaterThan(0)
  expect(unanswered.every((attempt) => attempt.nextAttemptAt !== null)).toBe(true)

  await startCloud() // same port, same op-log
  for (const attempt of acked) {
    for (const [trackingNo, texts] of scansIn(attempt)) {
      const stored = (await parcel(trackingNo)).events.map((event) => event.text)
      expect({ trackingNo, missing: texts.filter((text) => !stored.includes(text)) }).toEqual({ trackingNo, missing: [] })
    }
  }

  const recordedAtRestart = (await listInbox()).map((row) => row._id)

  await clock.advance(3 * DAY) // the retries land, the stories run to their end
  const retried = new Set(
    sandbox
      .deliveries()
      .filter((attempt) => attempt.ackOk)
      .map((attempt) => attempt.pushId),
  )
  expect(unanswered.filter((attempt) => !retried.has(attempt.pushId))).toEqual([])
  // Every push recorded before the crash, the one it died on included, ends applied.
  const inbox = await listInbox()
  expect(inbox.filter((row) => row.outcome !== 'applied')).toEqual([])
  expect(inbox.map((row) => row._id)).toEqual(expect.arrayContaining(recordedAtRestart))
  for (const group of GROUPS) {
    for (const [trackingNo, scenario] of group) {
      const done = await parcel(trackingNo)
      expect({ trackingNo, timeline: timelineOf(done.events), status: done.status }).toEqual({
        trackingNo,
        timeline: expectedTimeline(scenario, startedAt.get(trackingNo)!),
        status: 'DELIVERED',
      })
    }
  }
}, 180_000)
