// The database refuses writes for a while during ingest: first every write (the inbox row cannot
// even be recorded), later only the parcels (the push is recorded, applying it fails). Every push in
// those windows must be answered with the vendor's failure body, the Kdniao sandbox must retry it on
// its own schedule (1 m, 5 m, 30 m, 2 h, 6 h), and once the retries land every parcel must be exactly
// what its scenario file says — whatever the outage, duplicates and reordering did to the arrival
// order. test/functions/ingest.test.ts proves a single failed write; this is the long outage, for many
// parcels at once, with nothing but the vendor's retries to recover (no poll, no re-drive timer).
import type { BackfillTrackingResult, CreateOrderResult, OrderDoc, ParcelDoc, PushInboxDoc } from '../../core/api'
import { expectedTimeline, timelineOf } from '../functions/support/expectations'
import { ADDRESS, DAY, MERCHANT, MINUTE, SHOPPER, startRig, type Rig } from '../functions/support/rig'

const PARCELS = [
  ['YT1480000000101', 'sf-normal', { duplicate: true }],
  ['YT1480000000102', 'zto-normal', {}],
  ['YT1480000000103', 'yto-normal', { reorder: true }],
  ['YT1480000000104', 'normal-delivery', {}],
  ['YT1480000000105', 'locker-pickup', { duplicate: true }],
  ['YT1480000000106', 'failed-then-delivered', { reorder: true }],
] as const

let rig: Rig
// The receiver logs each storage failure; collected here to be checked instead of flooding the output.
const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
})
afterAll(async () => {
  await rig?.close()
  logged.mockRestore()
})

const storageFailure = (responseBody: string | null) => JSON.parse(responseBody ?? '{}') as { Success?: boolean; Reason?: string }

test('writes refused for 45 minutes, then parcels refused for 70: every push is retried by the vendor and the parcels end exactly as told', async () => {
  const orderIds: string[] = []
  for (const half of [PARCELS.slice(0, 3), PARCELS.slice(3)]) {
    const placed = await rig.call<CreateOrderResult>(
      'createOrder',
      { items: [{ productId: 'prod-osmanthus-cakes', quantity: 3 }], address: ADDRESS },
      SHOPPER,
    )
    if (!placed.ok) throw new Error(placed.message)
    orderIds.push(placed.orderId)
    for (const [trackingNo, scenario, faults] of half) rig.sandbox.assignScenario(trackingNo, scenario, faults)
    const shipped = await rig.call<BackfillTrackingResult>(
      'backfillTracking',
      { entries: half.map(([trackingNo]) => ({ orderId: placed.orderId, trackingNo, carrier: 'YTO' })) },
      MERCHANT,
    )
    expect(shipped).toMatchObject({ ok: true, results: half.map(() => ({ ok: true, subscription: 'subscribed' })) })
  }
  const startedAt = rig.clock.now()

  await rig.advance(295 * MINUTE)
  const windowA = { from: rig.clock.now(), to: rig.clock.now() + 45 * MINUTE }
  rig.cloud.faults.failWrites({ until: windowA.to }) // minutes 295–340: nothing can be written
  await rig.advance(60 * MINUTE)
  const windowB = { from: rig.clock.now(), to: rig.clock.now() + 70 * MINUTE }
  rig.cloud.faults.failWrites({ until: windowB.to, collection: 'parcels' }) // minutes 355–425: the inbox works, parcels do not
  await rig.advance(70 * MINUTE)

  const failed = (window: { from: number; to: number }) =>
    rig.sandbox.deliveries().filter((attempt) => attempt.at >= window.from && attempt.at < window.to)
  for (const window of [windowA, windowB]) {
    const attempts = failed(window)
    expect(attempts.length).toBeGreaterThan(0)
    // Each answered with Kdniao's failure body (so the vendor retries), none acknowledged.
    expect(attempts.map((attempt) => [attempt.outcome, storageFailure(attempt.responseBody)])).toEqual(
      attempts.map(() => ['bad-ack', expect.objectContaining({ Success: false, Reason: 'storage unavailable, retry later' })]),
    )
  }
  // In window B the push was recorded before applying it failed: its inbox row waits as `received`.
  expect(await rig.cloud.db.count('pushInbox', { outcome: 'received' })).toBeGreaterThan(0)

  // One log line per failed attempt, by inbox id and cause only: never the body or a credential.
  const failures = [...failed(windowA), ...failed(windowB)].length
  expect(logged.mock.calls.map(([line]) => String(line).replace(/[0-9a-f]{64}/, '<inbox id>'))).toEqual(
    Array.from({ length: failures }, () =>
      expect.stringMatching(
        /^\[push\] kdniao <inbox id>: (inbox: document\.set:fail -502001 database request fail\. devcloud fault: write refused \(injected\)|apply: collection\.update:fail -502001 database request fail\. devcloud fault: write refused( on parcels)? \(injected\))$/,
      ),
    ),
  )

  for (let day = 0; day < 3; day += 1) await rig.advance(DAY)
  const attempts = rig.sandbox.deliveries()
  const acked = new Set(attempts.filter((attempt) => attempt.ackOk).map((attempt) => attempt.pushId))
  expect(attempts.filter((attempt) => !acked.has(attempt.pushId))).toEqual([])
  // A push that failed at its first try in window A was retried after 1, 5 and 30 minutes (still
  // inside the outage) and acknowledged 2 hours later, on the vendor's schedule.
  const firstInA = failed(windowA)[0]
  expect(
    attempts
      .filter((attempt) => attempt.pushId === firstInA?.pushId)
      .map((attempt) => [attempt.attempt, attempt.at - (firstInA?.at ?? 0), attempt.ackOk]),
  ).toEqual([
    [1, 0, false],
    [2, MINUTE, false],
    [3, 6 * MINUTE, false],
    [4, 36 * MINUTE, false],
    [5, 156 * MINUTE, true],
  ])

  for (const [trackingNo, scenario] of PARCELS) {
    const parcel = (await rig.cloud.db.get('parcels', `YTO:${trackingNo}`)) as unknown as ParcelDoc
    expect({ trackingNo, timeline: timelineOf(parcel.events), status: parcel.status }).toEqual({
      trackingNo,
      timeline: expectedTimeline(scenario, startedAt),
      status: 'DELIVERED',
    })
  }
  for (const [index, orderId] of orderIds.entries()) {
    const order = (await rig.cloud.db.get('orders', orderId)) as unknown as OrderDoc
    expect(order.parcels.map((summary) => [summary.parcelId, summary.lastEvent?.text])).toEqual(
      PARCELS.slice(index * 3, index * 3 + 3).map(([trackingNo, scenario]) => [
        `YTO:${trackingNo}`,
        expectedTimeline(scenario, startedAt)[0]?.text,
      ]),
    )
  }
  const inbox = (await rig.cloud.db.list('pushInbox')) as unknown as PushInboxDoc[]
  expect(inbox.filter((row) => row.outcome !== 'applied')).toEqual([])
}, 120_000)
