// When pushes go silent the poll queries, through the same merge path, within Kuaidi100's per-number
// lock rule (48 queries in 24 h lock a number for 24 h; we stay at 24). Shoppers may refresh a parcel
// themselves, rate-limited per parcel; finished parcels are never queried.
import type { BackfillTrackingResult, CreateOrderResult, ParcelDoc, PollRunReport, RefreshTrackingResult } from '../../core/api'
import { expectedTimeline, timelineOf } from './support/expectations'
import { ADDRESS, DAY, HOUR, MERCHANT, MINUTE, SHOPPER, SHOPPER_2, startRig, type Rig } from './support/rig'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kuaidi100', env: { POLL_SILENT_AFTER_MINUTES: '1' } })
})
afterAll(async () => {
  await rig?.close()
})

async function ship(trackingNo: string, scenario: string): Promise<number> {
  // Pushes are dropped: only queries see the story.
  rig.sandbox.assignScenario(trackingNo, scenario, { drop: true })
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-silk-scarf', quantity: 1 }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  const startedAt = rig.clock.now()
  const result = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: placed.orderId, trackingNo }] },
    MERCHANT,
  )
  expect(result).toMatchObject({ ok: true, results: [{ ok: true, subscription: 'subscribed' }] })
  return startedAt
}
const parcel = async (id: string) => (await rig.cloud.db.get('parcels', id)) as unknown as ParcelDoc
const poll = () => rig.call<PollRunReport>('pollTracking', {})

test('a silent parcel is polled; Kuaidi100 is queried at most 24 times in 24 h and never locks the number', async () => {
  const startedAt = await ship('YT1400000000501', 'yto-normal')
  await rig.advance(HOUR)
  expect(await poll()).toEqual({ ok: true, redriven: 0, polled: 1, changed: 1, skippedForBudget: 0, failed: 0 })
  expect(timelineOf((await parcel('YTO:YT1400000000501')).events)).toEqual(expectedTimeline('yto-normal', startedAt, rig.clock.now()))

  // Polled far more often than the timer would (every 10 min for two days).
  const queriesAt: number[] = []
  let skipped = 0
  for (let run = 0; run < 2 * 24 * 6; run += 1) {
    await rig.advance(10 * MINUTE)
    const report = await poll()
    if (report.ok) {
      if (report.polled > 0) queriesAt.push(rig.clock.now())
      skipped += report.skippedForBudget
    }
  }
  const firstQueryAt = startedAt + HOUR
  const inWindow = (from: number) => [firstQueryAt, ...queriesAt].filter((at) => at >= from && at < from + DAY).length
  expect(Math.max(...[firstQueryAt, ...queriesAt].map(inWindow))).toBeLessThanOrEqual(24)
  expect(queriesAt.every((at, i) => at - (queriesAt[i - 1] ?? at - 30 * MINUTE) >= 30 * MINUTE)).toBe(true)
  expect(skipped).toBeGreaterThan(0)
  // Still answered at the end: a locked number would have answered 500 查询无结果 and missed the delivery.
  const done = await parcel('YTO:YT1400000000501')
  expect(timelineOf(done.events)).toEqual(expectedTimeline('yto-normal', startedAt))
  expect(done.status).toBe('DELIVERED')
  // Finished: the poll leaves it alone.
  await rig.advance(HOUR)
  expect(await poll()).toMatchObject({ polled: 0, skippedForBudget: 0 })
}, 180_000)

test('a shopper refresh queries now, then is rate-limited with a clear retryAfterMs', async () => {
  const startedAt = await ship('SF1400000000502', 'sf-normal')
  const refresh = (openid = SHOPPER) => rig.call<RefreshTrackingResult>('refreshTracking', { parcelId: 'SF:SF1400000000502' }, openid)
  await rig.advance(3 * HOUR)
  const first = await refresh()
  expect(first).toMatchObject({ ok: true, queried: true })
  if (first.ok) expect(timelineOf(first.parcel.events)).toEqual(expectedTimeline('sf-normal', startedAt, rig.clock.now()))
  expect(await refresh()).toEqual({
    ok: false,
    reason: 'rate_limited',
    message: 'refreshed a moment ago; try again later',
    retryAfterMs: 10 * MINUTE,
  })
  expect(await refresh(SHOPPER_2)).toEqual({ ok: false, reason: 'not_found', message: 'no such parcel' })
  await rig.advance(10 * MINUTE)
  // The shopper's own limit has passed, but Kuaidi100's per-number spacing (30 min) has not.
  expect(await refresh()).toEqual({
    ok: false,
    reason: 'rate_limited',
    message: 'this parcel was queried recently; try again later',
    retryAfterMs: 20 * MINUTE,
  })
  await rig.advance(20 * MINUTE)
  expect(await refresh()).toMatchObject({ ok: true, queried: true })
  // The merchant console goes through the same path.
  await rig.advance(30 * MINUTE)
  expect(await rig.call('merchantConsole', { action: 'refreshParcel', parcelId: 'SF:SF1400000000502' }, MERCHANT)).toMatchObject({
    ok: true,
    queried: true,
  })

  await rig.advance(2 * DAY)
  expect(await refresh()).toMatchObject({ ok: true, queried: true, parcel: { status: 'DELIVERED' } })
  const before = await rig.snapshot()
  await rig.advance(HOUR)
  const finished = await refresh()
  expect(finished).toMatchObject({ ok: true, queried: false, parcel: { status: 'DELIVERED' } })
  expect(await rig.snapshot()).toEqual(before)
}, 60_000)
