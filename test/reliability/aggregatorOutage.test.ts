// The aggregator is down while the merchant backfills: Kuaidi100's API answers its busy error for 20
// minutes. Backfill must still succeed (the parcels wait as `pending` in the outbox), the
// subscribeTracking timer — fired on its own cron by the devcloud clock, not by hand — must subscribe
// every one of them after recovery, exactly once each, and their stories must then arrive in full.
// test/functions/backfill.test.ts proves one Kdniao parcel with the timer fired by hand; this is a
// whole batch, the other vendor, and the timer's real schedule. (No failed-then-delivered here: Kuaidi100
// has no redelivery code, the sandbox sends it as 5 派件, so the stage table's DELIVERY_FAILED is Kdniao's.)
import type { BackfillTrackingResult, CreateOrderResult, ParcelDoc } from '../../core/api'
import { expectedTimeline, timelineOf } from '../functions/support/expectations'
import { ADDRESS, DAY, MERCHANT, MINUTE, SHOPPER, startRig, type Rig } from '../functions/support/rig'

const PARCELS = [
  ['YT1480000000201', 'yto-normal'],
  ['YT1480000000202', 'normal-delivery'],
  ['YT1480000000203', 'locker-pickup'],
  ['YT1480000000204', 'sf-normal'],
  ['75148000000205', 'zto-normal'],
  ['75148000000206', 'normal-delivery'],
  ['SF1480000000207', 'sf-normal'],
  ['SF1480000000208', 'yto-normal'],
] as const
const CARRIER: Record<string, string> = { YT: 'YTO', 75: 'ZTO', SF: 'SF' }
const parcelId = (trackingNo: string) => `${CARRIER[trackingNo.slice(0, 2)]}:${trackingNo}`
const OUTAGE_MS = 20 * MINUTE

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kuaidi100' })
})
afterAll(async () => {
  await rig?.close()
})

const parcel = async (trackingNo: string) => (await rig.cloud.db.get('parcels', parcelId(trackingNo))) as unknown as ParcelDoc

test('a 20-minute outage during backfill: every parcel waits in the outbox, the timer subscribes each once after recovery, the stories arrive', async () => {
  rig.sandbox.setFaults({ outage: { vendor: 'kuaidi100', mode: 'refuse', forMs: OUTAGE_MS } })
  const outageEnds = rig.clock.now() + OUTAGE_MS
  for (const half of [PARCELS.slice(0, 4), PARCELS.slice(4)]) {
    const placed = await rig.call<CreateOrderResult>(
      'createOrder',
      { items: [{ productId: 'prod-cotton-tote', quantity: 4 }], address: ADDRESS },
      SHOPPER,
    )
    if (!placed.ok) throw new Error(placed.message)
    for (const [trackingNo, scenario] of half) rig.sandbox.assignScenario(trackingNo, scenario)
    const shipped = await rig.call<BackfillTrackingResult>(
      'backfillTracking',
      {
        entries: half.map(([trackingNo]) => ({ orderId: placed.orderId, trackingNo, carrier: CARRIER[trackingNo.slice(0, 2)] })),
      },
      MERCHANT,
    )
    expect(shipped).toMatchObject({
      ok: true,
      results: half.map(([trackingNo]) => ({ ok: true, parcelId: parcelId(trackingNo), outcome: 'created', subscription: 'pending' })),
    })
  }
  for (const [trackingNo] of PARCELS) {
    expect((await parcel(trackingNo)).subscription).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: '500 server_error: 服务器错误',
    })
  }
  expect(rig.sandbox.subscriptions()).toEqual([])

  // Minute by minute, the devcloud fires whichever timers are due on its clock.
  const fired: string[] = []
  for (let minute = 0; minute < 45; minute += 1) {
    await rig.advance(MINUTE)
    fired.push(...(await rig.cloud.tickTimers()))
  }
  expect(fired.filter((name) => name.startsWith('subscribeTracking/')).length).toBe(45)
  const subscriptions = rig.sandbox.subscriptions()
  // Each number subscribed exactly once (a second submission would be Kuaidi100's 501 重复订阅), and
  // only after the outage: the backoff (1, 2, 4, 8, 16 min) found the vendor back.
  expect(subscriptions.map((s) => [s.trackingNo, s.submissions]).sort()).toEqual(PARCELS.map(([trackingNo]) => [trackingNo, 1]).sort())
  expect(subscriptions.every((s) => s.subscribedAt >= outageEnds)).toBe(true)
  for (const [trackingNo] of PARCELS) {
    expect((await parcel(trackingNo)).subscription).toMatchObject({ state: 'subscribed', lastError: null, nextAttemptAt: null })
  }

  for (let step = 0; step < 12; step += 1) {
    await rig.advance(DAY / 4)
    await rig.cloud.tickTimers()
  }
  for (const [trackingNo, scenario] of PARCELS) {
    const startedAt = subscriptions.find((s) => s.trackingNo === trackingNo)!.subscribedAt
    const done = await parcel(trackingNo)
    expect({ trackingNo, timeline: timelineOf(done.events), status: done.status }).toEqual({
      trackingNo,
      timeline: expectedTimeline(scenario, startedAt),
      status: 'DELIVERED',
    })
  }
}, 120_000)
