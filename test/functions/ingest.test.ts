// Push ingest under stress: a storage failure answers the vendor's failure and its retry completes
// the state; concurrent pushes for one parcel (and for two parcels of one order) lose nothing; an
// un-applied inbox row is re-driven by the poll; unknown numbers are recorded and acked.
import type { BackfillTrackingResult, CreateOrderResult, OrderDoc, ParcelDoc, PollRunReport, PushInboxDoc } from '../../core/api'
import { expectedTimeline, timelineOf } from './support/expectations'
import { FORM } from './support/http'
import { kdniaoPush, kdniaoRequestData, type KdniaoTrace } from './support/pushes'
import { ADDRESS, MERCHANT, MINUTE, SHOPPER, startRig, type Rig } from './support/rig'
import { nth } from '../support/nth'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
})
afterAll(async () => {
  await rig?.close()
})

async function shipped(numbers: string[]): Promise<string> {
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-osmanthus-cakes', quantity: numbers.length }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  const result = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: numbers.map((trackingNo) => ({ orderId: placed.orderId, trackingNo })) },
    MERCHANT,
  )
  expect(result).toMatchObject({ ok: true, results: numbers.map(() => ({ ok: true, outcome: 'created' })) })
  return placed.orderId
}
const parcel = async (id: string) => (await rig.cloud.db.get('parcels', id)) as unknown as ParcelDoc
const ACK = { EBusinessID: '1900001', Success: true, Reason: '' }

test('a storage failure answers the failure ack; the vendor’s retry completes the parcel', async () => {
  rig.sandbox.assignScenario('YT1400000000301', 'yto-normal')
  const startedAt = rig.clock.now()
  await shipped(['YT1400000000301'])
  rig.cloud.faults.failWrites({ count: 1, collection: 'parcels' })
  await rig.advance(25 * MINUTE) // the first scan is pushed; applying it fails once
  const attempts = rig.sandbox.deliveries().filter((a) => a.trackingNos.includes('YT1400000000301'))
  expect(attempts.map((a) => [a.attempt, a.outcome])).toEqual([[1, 'bad-ack']])
  expect(JSON.parse(attempts[0]?.responseBody ?? '')).toMatchObject({ Success: false, Reason: 'storage unavailable, retry later' })
  const row = nth((await rig.cloud.db.list('pushInbox')) as unknown as PushInboxDoc[], 0)
  expect([row.outcome, row.attempts]).toEqual(['received', 1])
  expect((await parcel('YTO:YT1400000000301')).events).toEqual([])

  await rig.advance(MINUTE) // Kdniao retries the identical body after 1 min
  const retried = rig.sandbox.deliveries().filter((a) => a.trackingNos.includes('YT1400000000301'))
  expect(retried.map((a) => [a.attempt, a.outcome])).toEqual([
    [1, 'bad-ack'],
    [2, 'acked'],
  ])
  const settled = (await rig.cloud.db.get('pushInbox', row._id)) as unknown as PushInboxDoc
  expect([settled.outcome, settled.attempts, settled.parcelIds]).toEqual(['applied', 2, ['YTO:YT1400000000301']])

  for (let step = 0; step < 4; step += 1) await rig.advance(12 * 60 * MINUTE)
  const done = await parcel('YTO:YT1400000000301')
  expect(timelineOf(done.events)).toEqual(expectedTimeline('yto-normal', startedAt))
  expect(done.status).toBe('DELIVERED')
}, 60_000)

const trace = (minute: number): KdniaoTrace => ({
  time: `2025-01-10 ${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`,
  text: `【杭州市】第${minute}分钟扫描`,
  action: minute < 100 ? '2' : '202',
})

test('concurrent pushes for one parcel, and for two parcels of one order, lose nothing', async () => {
  const orderId = await shipped(['YT1400000000302', 'YT1400000000303'])
  const minutes = Array.from({ length: 12 }, (_, i) => i * 10)
  // Twelve different partial snapshots per parcel (as reordered retries look), all sent at once.
  const bodies = ['YT1400000000302', 'YT1400000000303'].flatMap((number) =>
    minutes.map((minute) =>
      kdniaoPush(
        kdniaoRequestData([
          { shipper: 'YTO', number, state: '2', traces: minutes.filter((m) => m <= minute && m >= minute - 30).map(trace) },
        ]),
      ),
    ),
  )
  const answers = await Promise.all(bodies.map((body) => rig.http('/tracking/push/kdniao', body, FORM)))
  expect(answers.map((answer) => answer.status)).toEqual(bodies.map(() => 200))
  expect(answers.every((answer) => JSON.parse(answer.body).Success === true)).toBe(true)

  for (const number of ['YT1400000000302', 'YT1400000000303']) {
    const stored = await parcel(`YTO:${number}`)
    expect(stored.events.map((event) => event.text)).toEqual([...minutes].reverse().map((minute) => trace(minute).text))
    expect(stored.status).toBe('OUT_FOR_DELIVERY')
  }
  const order = (await rig.cloud.db.get('orders', orderId)) as unknown as OrderDoc
  expect(order.parcels.map((summary) => [summary.parcelId, summary.lastEvent?.text])).toEqual([
    ['YTO:YT1400000000302', trace(110).text],
    ['YTO:YT1400000000303', trace(110).text],
  ])
  expect(await rig.cloud.db.count('pushInbox', { outcome: 'applied', parcelIds: 'YTO:YT1400000000302' })).toBe(12)
}, 60_000)

test('a byte-identical re-send is acked without applying it again; a body sent base64 reads the same', async () => {
  await shipped(['YT1400000000304'])
  const body = kdniaoPush(kdniaoRequestData([{ shipper: 'YTO', number: 'YT1400000000304', state: '1', traces: [trace(0)] }]))
  expect(JSON.parse((await rig.http('/tracking/push/kdniao', body, FORM)).body)).toMatchObject(ACK)
  const before = await rig.snapshot()
  // application/octet-stream reaches the function base64-encoded (isBase64Encoded: true).
  const again = await rig.http('/tracking/push/kdniao', body, { 'content-type': 'application/octet-stream' })
  expect([again.status, JSON.parse(again.body)]).toEqual([200, { ...ACK, UpdateTime: expect.any(String) }])
  expect(await rig.snapshot()).toEqual(before)
})

test('unknown numbers are recorded as such and acked; the rest of the batch is applied', async () => {
  await shipped(['YT1400000000305'])
  const body = kdniaoPush(
    kdniaoRequestData([
      { shipper: 'YTO', number: 'YT9999999999999', state: '2', traces: [trace(5)] },
      { shipper: 'NOSUCH', number: 'ZZ1234567890', state: '2', traces: [trace(5)] },
    ]),
  )
  expect(JSON.parse((await rig.http('/tracking/push/kdniao', body, FORM)).body)).toMatchObject(ACK)
  const mixed = kdniaoPush(
    kdniaoRequestData([
      { shipper: 'YTO', number: 'YT9999999999998', state: '2', traces: [trace(5)] },
      { shipper: 'YTO', number: 'YT1400000000305', state: '2', traces: [trace(5)] },
    ]),
  )
  expect(JSON.parse((await rig.http('/tracking/push/kdniao', mixed, FORM)).body)).toMatchObject(ACK)
  const rows = (await rig.cloud.db.list('pushInbox', { parcelIds: { $size: 0 } })) as unknown as PushInboxDoc[]
  expect(rows.map((row) => [row.outcome, row.lastError])).toContainEqual(['unknown_parcel', '2 waybill(s) matched no parcel'])
  expect(
    await rig.cloud.db.count('pushInbox', {
      outcome: 'applied',
      parcelIds: ['YTO:YT1400000000305'],
      lastError: '1 waybill(s) matched no parcel',
    }),
  ).toBe(1)
  expect((await parcel('YTO:YT1400000000305')).events.map((event) => event.text)).toEqual([trace(5).text])
})

test('a push left un-applied by a storage failure, never re-sent, is re-driven by the poll', async () => {
  await shipped(['YT1400000000306'])
  rig.cloud.faults.failWrites({ count: 1, collection: 'parcels' })
  const body = kdniaoPush(kdniaoRequestData([{ shipper: 'YTO', number: 'YT1400000000306', state: '2', traces: [trace(20), trace(30)] }]))
  const failed = await rig.http('/tracking/push/kdniao', body, FORM)
  expect(JSON.parse(failed.body)).toMatchObject({ Success: false, Reason: 'storage unavailable, retry later' })
  expect(await rig.cloud.db.count('pushInbox', { outcome: 'received' })).toBe(1)

  await rig.advance(6 * MINUTE)
  await rig.cloud.fireTimer('pollTracking')
  expect(await rig.cloud.db.count('pushInbox', { outcome: 'received' })).toBe(0)
  expect((await parcel('YTO:YT1400000000306')).events.map((event) => event.text)).toEqual([trace(30).text, trace(20).text])
  const report = await rig.call<PollRunReport>('pollTracking', {})
  expect(report).toMatchObject({ ok: true, redriven: 0 })
})

test('a real-size Kdniao batch (100 waybills × 30 scans, over 1 MB) is kept in slices, and re-driven from them', async () => {
  await shipped(['YT1400000000307', 'YT1400000000308'])
  const scans = (waybill: number): KdniaoTrace[] =>
    Array.from({ length: 30 }, (_, scan) => ({
      time: `2025-01-11 ${String(8 + Math.floor(scan / 6)).padStart(2, '0')}:${String((scan % 6) * 10).padStart(2, '0')}:00`,
      text: `【杭州市】快件已从【杭州萧山转运中心】发出，准备发往【北京顺义集散中心】（批次${waybill}，第${scan}次扫描）`,
      action: '2',
    }))
  const waybills = Array.from({ length: 100 }, (_, index) => ({
    shipper: 'YTO',
    number: index < 2 ? `YT140000000030${7 + index}` : `YT15000000${String(index).padStart(5, '0')}`,
    state: '2',
    traces: scans(index),
  }))
  const body = kdniaoPush(kdniaoRequestData(waybills))
  expect(body.length).toBeGreaterThan(1024 * 1024)

  rig.cloud.faults.failWrites({ count: 1, collection: 'parcels' })
  expect(JSON.parse((await rig.http('/tracking/push/kdniao', body, FORM)).body)).toMatchObject({ Success: false })
  const row = nth((await rig.cloud.db.list('pushInbox', { outcome: 'received' })) as unknown as PushInboxDoc[], 0)
  expect([row.rawBody, row.bodyParts]).toEqual([null, Math.ceil(body.length / 150_000)])
  expect(await rig.cloud.db.count('pushInboxParts', { inboxId: row._id })).toBe(row.bodyParts)

  await rig.advance(6 * MINUTE)
  await rig.cloud.fireTimer('pollTracking')
  expect(await rig.cloud.db.get('pushInbox', row._id)).toMatchObject({
    outcome: 'applied',
    parcelIds: ['YTO:YT1400000000307', 'YTO:YT1400000000308'],
  })
  for (const [index, id] of ['YTO:YT1400000000307', 'YTO:YT1400000000308'].entries()) {
    expect((await parcel(id)).events.map((event) => event.text)).toEqual(
      scans(index)
        .map((scan) => scan.text)
        .reverse(),
    )
  }
})
