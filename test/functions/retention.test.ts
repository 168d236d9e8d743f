// pushInbox retention (issue 13): the daily prunePushInbox timer deletes settled rows older than
// PUSH_INBOX_RETENTION_DAYS (30 by default), with their body slices, in batches; a row still waiting
// to be applied is kept whatever its age; and a replay of a push older than that, no longer known by
// its hash, is still harmless: the parcel's merge finds nothing new, so the parcel and its order keep
// what they had and no new row appears.
import type { BackfillTrackingResult, CreateOrderResult, OrderDoc, ParcelDoc, PushInboxDoc, PushInboxRetentionReport } from '../../core/api'
import { FORM } from './support/http'
import { kdniaoPush, kdniaoRequestData, type KdniaoTrace } from './support/pushes'
import { ADDRESS, DAY, MERCHANT, SHOPPER, startRig, type Rig } from './support/rig'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
})
afterAll(async () => {
  await rig?.close()
})

const NUMBER = 'YT1400000000401'
const trace = (minute: number, day = 10): KdniaoTrace => ({
  time: `2025-01-${day} ${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`,
  text: `【杭州市】第${minute}分钟扫描`,
  action: '2',
})
const push = (number: string, traces: KdniaoTrace[]) => kdniaoPush(kdniaoRequestData([{ shipper: 'YTO', number, state: '2', traces }]))
const send = async (body: string) => JSON.parse((await rig.http('/tracking/push/kdniao', body, FORM)).body) as { Success: boolean }
const parcel = async () => (await rig.cloud.db.get('parcels', `YTO:${NUMBER}`)) as unknown as ParcelDoc
const inbox = async () => (await rig.cloud.db.list('pushInbox')) as unknown as PushInboxDoc[]
// What a merge decides; the heard-from bookkeeping is refreshed by any push, old or new.
const tracked = ({ lastCheckedAt: _checked, lastPushAt: _pushed, updatedAt: _updated, version: _version, ...rest }: ParcelDoc) => rest

test('settled rows past 30 days go with their slices; waiting and recent rows stay; an old replay changes nothing', async () => {
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-osmanthus-cakes', quantity: 1 }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  const shipped = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: placed.orderId, trackingNo: NUMBER }] },
    MERCHANT,
  )
  expect(shipped).toMatchObject({ ok: true })

  // Day 0: two pushes applied, one for a number we do not know, large enough to be kept in slices,
  // and one whose parcel write fails (left `received`, never re-sent here).
  const first = push(NUMBER, [trace(0), trace(10)])
  const second = push(NUMBER, [trace(0), trace(10), trace(20)])
  const large = push(
    'YT1400000000499',
    Array.from({ length: 1200 }, (_, minute) => trace(minute % 600, 11 + Math.floor(minute / 600))),
  )
  expect([await send(first), await send(second), await send(large)].map((answer) => answer.Success)).toEqual([true, true, true])
  rig.cloud.faults.failWrites({ count: 1, collection: 'parcels' })
  expect((await send(push('YT1400000000402', [trace(5)]))).Success).toBe(true) // unknown number: nothing to write to parcels
  const stuckBody = push(NUMBER, [trace(0), trace(10), trace(20), trace(30)])
  expect((await send(stuckBody)).Success).toBe(false)
  const rowsAtStart = await inbox()
  expect(rowsAtStart.map((row) => row.outcome).sort()).toEqual(['applied', 'applied', 'received', 'unknown_parcel', 'unknown_parcel'])
  const sliced = rowsAtStart.find((row) => row.bodyParts > 0)
  expect(sliced).toBeDefined()
  expect(await rig.cloud.db.count('pushInboxParts', { inboxId: sliced?._id })).toBe(sliced?.bodyParts)

  // Day 20: one more push, which must outlive the others.
  await rig.advance(20 * DAY)
  const recent = push(NUMBER, [trace(0), trace(10), trace(20), trace(40)])
  expect((await send(recent)).Success).toBe(true)

  // Day 31: the timer runs (called here as the timer calls it). The sandbox pushed the parcel's own
  // scenario meanwhile, so the rule is checked against every row there is.
  await rig.advance(11 * DAY)
  const cutoff = rig.clock.now() - 30 * DAY
  const beforePrune = await inbox()
  const expired = beforePrune.filter((row) => row.outcome !== 'received' && row.receivedAt <= cutoff)
  const dayZeroSettled = rowsAtStart.filter((row) => row.outcome !== 'received').map((row) => row._id)
  expect(dayZeroSettled).toHaveLength(4)
  expect(expired.map((row) => row._id)).toEqual(expect.arrayContaining(dayZeroSettled))
  const report = await rig.call<PushInboxRetentionReport>('prunePushInbox', {})
  expect(report).toEqual({ ok: true, removed: expired.length, more: false, cutoff })
  const left = await inbox()
  expect(left.map((row) => row._id).sort()).toEqual(
    beforePrune
      .filter((row) => !expired.includes(row))
      .map((row) => row._id)
      .sort(),
  )
  expect(left.find((row) => row.outcome === 'received')?.receivedAt).toBe(rowsAtStart.find((row) => row.outcome === 'received')?.receivedAt)
  expect(left.some((row) => row.rawBody === recent)).toBe(true)
  expect(await rig.cloud.db.count('pushInboxParts', {})).toBe(0)
  // Running again finds nothing more.
  expect(await rig.call<PushInboxRetentionReport>('prunePushInbox', {})).toMatchObject({ ok: true, removed: 0, more: false })

  // The vendor replays the first push, 31 days on: unknown to the inbox now, nothing new to the parcel.
  const parcelBefore = await parcel()
  const orderBefore = (await rig.cloud.db.get('orders', placed.orderId)) as unknown as OrderDoc
  expect((await send(first)).Success).toBe(true)
  expect(tracked(await parcel())).toEqual(tracked(parcelBefore))
  expect(await rig.cloud.db.get('orders', placed.orderId)).toEqual(orderBefore)
  expect((await inbox()).map((row) => row._id).sort()).toEqual(left.map((row) => row._id).sort())
  expect((await parcel()).events.map((event) => event.text)).toEqual(
    expect.arrayContaining([trace(40), trace(20), trace(10), trace(0)].map((scan) => scan.text)),
  )
}, 120_000)
