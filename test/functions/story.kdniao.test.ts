// The whole story on Kdniao: a shopper orders, the merchant backfills two parcels, both are
// subscribed, the sandbox pushes (duplicated, reordered) while a forged push is refused, and the
// parcels and the order end up exactly as the scenarios say.
import { createHash } from 'node:crypto'
import type { BackfillTrackingResult, CreateOrderResult, GetOrderTrackingResult, OrderDoc, ParcelDoc } from '../../core/api'
import { encodeForm } from '../../core/aggregators/formBody'
import { expectedTimeline, scenarioEnd, timelineOf } from './support/expectations'
import { FORM } from './support/http'
import { ADDRESS, HOUR, MERCHANT, SHOPPER, startRig, type Rig } from './support/rig'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
})
afterAll(async () => {
  await rig?.close()
})

const SF_NO = 'SF1400000000011'
const YT_NO = 'YT1400000000012'

test('order → two parcels → pushes → the order is delivered exactly as the scenarios tell', async () => {
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    {
      items: [
        { productId: 'prod-longjing-tea', quantity: 1 },
        { productId: 'prod-ceramic-mug', quantity: 2 },
      ],
      address: ADDRESS,
    },
    SHOPPER,
  )
  expect(placed).toMatchObject({ ok: true, totalFen: 16800 + 2 * 6900 })
  if (!placed.ok) return
  rig.sandbox.assignScenario(SF_NO, 'sf-normal', { duplicate: true })
  rig.sandbox.assignScenario(YT_NO, 'yto-normal', { reorder: true })

  const startedAt = rig.clock.now()
  const backfilled = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    {
      entries: [
        { orderId: placed.orderId, trackingNo: SF_NO, items: [{ productId: 'prod-longjing-tea', quantity: 1 }] },
        { orderId: placed.orderId, trackingNo: 'yt-1400-0000-0001-2', items: [{ productId: 'prod-ceramic-mug', quantity: 2 }] },
      ],
    },
    MERCHANT,
  )
  expect(backfilled).toEqual({
    ok: true,
    results: [
      { ok: true, parcelId: `SF:${SF_NO}`, carrier: 'SF', trackingNo: SF_NO, outcome: 'created', subscription: 'subscribed' },
      { ok: true, parcelId: `YTO:${YT_NO}`, carrier: 'YTO', trackingNo: YT_NO, outcome: 'created', subscription: 'subscribed' },
    ],
  })
  // The SF subscription carried the receiver's phone tail, taken from the masked order phone.
  expect(
    rig.sandbox
      .subscriptions()
      .map((s) => [s.trackingNo, s.vendor])
      .sort(),
  ).toEqual([
    [SF_NO, 'kdniao'],
    [YT_NO, 'kdniao'],
  ])

  const shipped = (await rig.cloud.db.get('orders', placed.orderId)) as unknown as OrderDoc
  expect(shipped.status).toBe('SHIPPED')
  expect(shipped.address.telMasked).toBe('138****5678')

  // A forged push claiming delivery: refused, and nothing about the parcel changes.
  const requestData = JSON.stringify({
    EBusinessID: '1900001',
    Count: '1',
    PushTime: '2025-01-02 09:00:00',
    Data: [
      {
        EBusinessID: '1900001',
        ShipperCode: 'SF',
        LogisticCode: SF_NO,
        Success: true,
        State: '3',
        StateEx: '301',
        Traces: [{ AcceptTime: '2025-01-02 08:30:00', AcceptStation: '【北京市】已签收', Action: '301' }],
      },
    ],
  })
  const before = await rig.snapshot()
  const forged = await rig.http(
    '/tracking/push/kdniao',
    encodeForm([
      ['RequestData', requestData],
      ['RequestType', '102'],
      ['DataSign', 'Zm9yZ2VkLXNpZ25hdHVyZS0wMDAwMDAwMDAwMDAwMDA='],
    ]),
    FORM,
  )
  expect(forged.status).toBe(401)
  expect(JSON.parse(forged.body)).toMatchObject({ EBusinessID: '1900001', Success: false })
  expect(await rig.snapshot()).toEqual(before)

  for (let hour = 0; hour < 72; hour += 1) await rig.advance(HOUR)
  await rig.settle()

  const sf = (await rig.cloud.db.get('parcels', `SF:${SF_NO}`)) as unknown as ParcelDoc
  const yt = (await rig.cloud.db.get('parcels', `YTO:${YT_NO}`)) as unknown as ParcelDoc
  expect(timelineOf(sf.events)).toEqual(expectedTimeline('sf-normal', startedAt))
  expect(timelineOf(yt.events)).toEqual(expectedTimeline('yto-normal', startedAt))
  expect([sf.status, sf.terminal, sf.deliveredAt]).toEqual(['DELIVERED', true, startedAt + scenarioEnd('sf-normal')])
  expect([yt.status, yt.terminal, yt.deliveredAt]).toEqual(['DELIVERED', true, startedAt + scenarioEnd('yto-normal')])
  expect(sf.subscription.state).toBe('subscribed')

  const tracking = await rig.call<GetOrderTrackingResult>('getOrderTracking', { orderId: placed.orderId }, SHOPPER)
  if (!tracking.ok) throw new Error(tracking.message)
  expect(tracking.order.status).toBe('DELIVERED')
  expect(tracking.order.deliveredAt).toBe(startedAt + Math.max(scenarioEnd('sf-normal'), scenarioEnd('yto-normal')))
  expect(tracking.order.parcels.map((p) => [p.seq, p.parcelId, p.status, p.lastEvent?.text])).toEqual([
    [1, `SF:${SF_NO}`, 'DELIVERED', expectedTimeline('sf-normal', startedAt)[0]?.text],
    [2, `YTO:${YT_NO}`, 'DELIVERED', expectedTimeline('yto-normal', startedAt)[0]?.text],
  ])
  expect(tracking.parcels.map((p) => p._id)).toEqual([`SF:${SF_NO}`, `YTO:${YT_NO}`])

  // Every push was acknowledged in the end; duplicates were recognised by the inbox, not re-applied.
  const deliveries = rig.sandbox.deliveries()
  const finalAttempt = new Map(deliveries.map((attempt) => [attempt.pushId, attempt]))
  expect([...finalAttempt.values()].every((attempt) => attempt.outcome === 'acked')).toBe(true)
  const inbox = await rig.cloud.db.list('pushInbox')
  expect(deliveries.length).toBeGreaterThan(inbox.length)
  expect(inbox.every((row) => row.outcome === 'applied' && row.attempts === 1)).toBe(true)
  // One row per distinct body that brought something; a body with no row (a reordered or re-batched
  // snapshot) carried only scans that bodies delivered before it had already brought.
  const rowIds = new Set(inbox.map((row) => row._id))
  const seen = new Set<string>()
  for (const body of [...new Set([...deliveries].sort((a, b) => a.at - b.at).map((attempt) => attempt.body))]) {
    const scans = scansOf(body)
    if (!rowIds.has(inboxKey(body)))
      expect({ body: inboxKey(body), unseen: scans.filter((scan) => !seen.has(scan)) }).toEqual({ body: inboxKey(body), unseen: [] })
    for (const scan of scans) seen.add(scan)
  }
  expect([...rowIds].every((id) => deliveries.some((attempt) => inboxKey(attempt.body) === id))).toBe(true)
})

const inboxKey = (body: string) => createHash('sha256').update(`kdniao${body}`, 'utf8').digest('hex')
/** `<number>|<scan text>` for every trace of a Kdniao push body (§1.6). */
function scansOf(body: string): string[] {
  const requestData = JSON.parse(new URLSearchParams(body).get('RequestData') ?? '{}') as {
    Data?: Array<{ LogisticCode: string; Traces?: Array<{ AcceptStation: string }> }>
  }
  return (requestData.Data ?? []).flatMap((waybill) =>
    (waybill.Traces ?? []).map((trace) => `${waybill.LogisticCode}|${trace.AcceptStation}`),
  )
}
