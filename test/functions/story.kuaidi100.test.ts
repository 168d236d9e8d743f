// The same story on Kuaidi100 (callback pushes signed with our salt, shutdown when signed), then the
// two things only Kuaidi100 does: it corrects a wrong carrier on its own (autoCheck/comOld/comNew),
// and it aborts a number with no records after 3 days, which is re-subscribed — not before 30 min.
import type { BackfillTrackingResult, CreateOrderResult, OrderDoc, ParcelDoc } from '../../core/api'
import { expectedTimeline, scenarioEnd, timelineOf } from './support/expectations'
import { FORM } from './support/http'
import { kuaidi100Push } from './support/pushes'
import { ADDRESS, DAY, HOUR, MERCHANT, MINUTE, SHOPPER, startRig, type Rig } from './support/rig'
import { nth } from '../support/nth'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kuaidi100' })
})
afterAll(async () => {
  await rig?.close()
})

async function ship(entries: Array<Record<string, unknown>>): Promise<{ orderId: string; result: BackfillTrackingResult }> {
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-yunnan-coffee', quantity: entries.length }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  const result = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: entries.map((entry) => ({ orderId: placed.orderId, ...entry })) },
    MERCHANT,
  )
  return { orderId: placed.orderId, result }
}
const parcel = async (id: string) => (await rig.cloud.db.get('parcels', id)) as unknown as ParcelDoc
const order = async (id: string) => (await rig.cloud.db.get('orders', id)) as unknown as OrderDoc
async function days(count: number) {
  for (let step = 0; step < count * 2; step += 1) await rig.advance(12 * HOUR)
}

test('order → two parcels → Kuaidi100 pushes (duplicated, reordered, one forged) → delivered as the scenarios tell', async () => {
  rig.sandbox.assignScenario('SF1400000000401', 'sf-normal', { duplicate: true })
  rig.sandbox.assignScenario('YT1400000000402', 'yto-normal', { reorder: true })
  const startedAt = rig.clock.now()
  const { orderId, result } = await ship([{ trackingNo: 'SF1400000000401' }, { trackingNo: 'YT1400000000402' }])
  expect(result).toMatchObject({
    ok: true,
    results: [
      { ok: true, subscription: 'subscribed' },
      { ok: true, subscription: 'subscribed' },
    ],
  })
  expect(
    rig.sandbox
      .subscriptions()
      .filter((s) => s.vendor === 'kuaidi100')
      .map((s) => [s.trackingNo, s.callbackUrl?.endsWith('/tracking/push/kuaidi100'), s.phoneTail]),
  ).toEqual([
    ['SF1400000000401', true, '5678'],
    ['YT1400000000402', true, null],
  ])

  const forgedParam = {
    status: 'shutdown',
    message: '',
    autoCheck: '0',
    comOld: '',
    comNew: '',
    lastResult: {
      message: 'ok',
      state: '3',
      status: '200',
      condition: 'F00',
      ischeck: '1',
      com: 'shunfeng',
      nu: 'SF1400000000401',
      data: [{ time: '2025-01-02 08:05:00', ftime: '2025-01-02 08:05:00', context: '已签收', statusCode: '301' }],
    },
  }
  const before = await rig.snapshot()
  const forged = await rig.http('/tracking/push/kuaidi100', kuaidi100Push(forgedParam, 'guessed-salt'), FORM)
  expect([forged.status, JSON.parse(forged.body)]).toEqual([
    401,
    { result: false, returnCode: '500', message: 'signature rejected: sign does not match param' },
  ])
  expect(await rig.snapshot()).toEqual(before)

  await days(3)
  for (const [id, scenario] of [
    ['SHUNFENG', 'sf-normal'],
    ['YTO', 'yto-normal'],
  ] as const) {
    const stored = await parcel(id === 'SHUNFENG' ? 'SF:SF1400000000401' : 'YTO:YT1400000000402')
    expect(timelineOf(stored.events)).toEqual(expectedTimeline(scenario, startedAt))
    expect([stored.status, stored.deliveredAt, stored.subscription.state]).toEqual([
      'DELIVERED',
      startedAt + scenarioEnd(scenario),
      'stopped',
    ])
  }
  expect((await order(orderId)).status).toBe('DELIVERED')
  const acked = new Map(rig.sandbox.deliveries().map((attempt) => [attempt.pushId, attempt.outcome]))
  expect([...acked.values()].every((outcome) => outcome === 'acked')).toBe(true)
}, 60_000)

test('Kuaidi100 corrects a wrong carrier: the old parcel is superseded by one under the right carrier, scans and summary follow', async () => {
  rig.sandbox.assignScenario('75000000000403', 'zto-normal', { carrierCorrection: 'ZTO' })
  const startedAt = rig.clock.now()
  const { orderId, result } = await ship([{ trackingNo: '75000000000403', carrier: 'DBL' }])
  expect(result).toMatchObject({
    ok: true,
    results: [{ ok: true, parcelId: 'DBL:75000000000403', carrier: 'DBL', subscription: 'subscribed' }],
  })
  await days(2)
  const old = await parcel('DBL:75000000000403')
  const moved = await parcel('ZTO:75000000000403')
  expect([old.supersededBy, old.subscription.state, old.subscription.lastError]).toEqual([
    'ZTO:75000000000403',
    'stopped',
    'carrier corrected by Kuaidi100',
  ])
  expect([moved.carrier, moved.seq, moved.orderId, moved.supersededBy]).toEqual(['ZTO', 1, orderId, null])
  expect(timelineOf(moved.events)).toEqual(expectedTimeline('zto-normal', startedAt))
  expect([moved.status, moved.subscription.state]).toEqual(['DELIVERED', 'stopped'])
  const summary = await order(orderId)
  expect([summary.status, summary.parcels.map((p) => [p.parcelId, p.seq, p.superseded, p.status])]).toEqual([
    'DELIVERED',
    [
      ['ZTO:75000000000403', 1, false, 'DELIVERED'],
      ['DBL:75000000000403', 1, true, 'PENDING'],
    ],
  ])
}, 60_000)

test('an abort with 3天查询无记录 is re-subscribed after 30 minutes, not before', async () => {
  rig.sandbox.assignScenario('YT1400000000404', 'yto-normal', { noRecord: true })
  await ship([{ trackingNo: 'YT1400000000404' }])
  const sandboxRecord = () => rig.sandbox.subscriptions().find((s) => s.trackingNo === 'YT1400000000404')
  await days(3)
  const abortAt = nth(
    rig.sandbox.deliveries().filter((a) => a.trackingNos.includes('YT1400000000404')),
    0,
  ).at
  const aborted = await parcel('YTO:YT1400000000404')
  expect([aborted.status, aborted.subStatus]).toEqual(['PENDING', 'NO_INFO'])
  expect(aborted.subscription).toMatchObject({
    state: 'pending',
    resubscriptions: 1,
    nextAttemptAt: abortAt + 31 * MINUTE,
    lastError: 'abort: 3天查询无记录; re-subscribing after 30 min',
  })
  expect([sandboxRecord()?.state, sandboxRecord()?.submissions]).toEqual(['abort', 1])

  await rig.advance(abortAt + 30 * MINUTE - rig.clock.now())
  await rig.cloud.fireTimer('subscribeTracking')
  expect([sandboxRecord()?.state, sandboxRecord()?.submissions]).toEqual(['abort', 1])
  await rig.advance(MINUTE)
  await rig.cloud.fireTimer('subscribeTracking')
  expect([sandboxRecord()?.state, sandboxRecord()?.submissions]).toEqual(['polling', 2])
  expect((await parcel('YTO:YT1400000000404')).subscription).toMatchObject({ state: 'subscribed', resubscriptions: 1, lastError: null })
}, 60_000)

test('a 60天无变化 abort expires the parcel and stops its subscription', async () => {
  rig.sandbox.assignScenario('YT1400000000405', 'stuck')
  await ship([{ trackingNo: 'YT1400000000405' }])
  for (let step = 0; step < 62; step += 1) await rig.advance(DAY)
  const expired = await parcel('YTO:YT1400000000405')
  expect([expired.status, expired.terminal, expired.subscription.state, expired.subscription.lastError]).toEqual([
    'EXPIRED',
    true,
    'stopped',
    'abort: 60天无变化',
  ])
}, 120_000)
