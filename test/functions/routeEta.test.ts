// Issue 14, done means: a Kdniao 102 push with city names and no coordinates, and a Kuaidi100 push
// with areaCenter, give a parcel whose stored route holds the right cities in order with the right
// coordinates and the order's destination city ahead; an in-transit parcel carries an ETA range.
import type { BackfillTrackingResult, CreateOrderResult, OrderDoc, ParcelDoc } from '../../core/api'
import { buildLaneStats, type DeliverySample } from '../../core/eta'
import { cityNamed } from '../../core/geo'
import { FORM } from './support/http'
import { kdniaoPush, kuaidi100Push } from './support/pushes'
import { ADDRESS, MERCHANT, SHOPPER, startRig, type Rig } from './support/rig'

const HOUR = 3_600_000
let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
  // 40 deliveries 深圳 → 北京 by YTO, 40…79 h each, all inside the 90-day window before the rig's clock.
  const samples: DeliverySample[] = Array.from({ length: 40 }, (_, i) => {
    const pickedUpAt = rig.clock.now() - 40 * 24 * HOUR + i * 6 * HOUR
    return {
      carrier: 'YTO',
      originCity: '440300',
      destinationCity: '110100',
      pickedUpAt,
      destCityAt: null,
      outForDeliveryAt: null,
      deliveredAt: pickedUpAt + (40 + i) * HOUR,
    }
  })
  for (const doc of buildLaneStats(samples, rig.clock.now())) await rig.cloud.db.put('laneStats', { ...doc })
})
afterAll(async () => {
  await rig?.close()
})

async function shipped(trackingNo: string): Promise<string> {
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-osmanthus-cakes', quantity: 1 }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  const result = await rig.call<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: placed.orderId, trackingNo }] },
    MERCHANT,
  )
  expect(result).toMatchObject({ ok: true })
  return placed.orderId
}
const parcel = async (id: string) => (await rig.cloud.db.get('parcels', id)) as unknown as ParcelDoc
const point = (name: string) => {
  const city = cityNamed(name)
  return city ? { name: city.name, lat: city.lat, lng: city.lng } : null
}

test('createOrder geocodes the address city once', async () => {
  const orderId = await shipped('YT1400000001401')
  const order = (await rig.cloud.db.get('orders', orderId)) as unknown as OrderDoc
  expect(order.destinationCity).toEqual({ code: '110100', ...point('北京') })
})

test('a Kdniao 102 push with city names only: the route from the gazetteer, Beijing ahead, a lane ETA', async () => {
  await shipped('YT1400000001402')
  const requestData = JSON.stringify({
    EBusinessID: '1900001',
    Count: '1',
    PushTime: '2025-01-02 10:00:00',
    Data: [
      {
        EBusinessID: '1900001',
        ShipperCode: 'YTO',
        LogisticCode: 'YT1400000001402',
        Success: true,
        State: '2',
        Traces: [
          { AcceptTime: '2025-01-01 18:00:00', AcceptStation: '【深圳市】深圳宝安区公司 已揽收', Action: '1' },
          { AcceptTime: '2025-01-01 23:00:00', AcceptStation: '【深圳转运中心】已发出，下一站【武汉转运中心】', Action: '2' },
          { AcceptTime: '2025-01-02 07:30:00', AcceptStation: '【武汉转运中心】已收入', Action: '2' },
        ],
      },
    ],
  })
  const answer = await rig.http('/tracking/push/kdniao', kdniaoPush(requestData), FORM)
  expect(JSON.parse(answer.body)).toMatchObject({ Success: true })
  const stored = await parcel('YTO:YT1400000001402')
  expect(stored.route).toEqual({
    travelled: [
      { ...point('深圳'), at: '2025-01-01T10:00:00.000Z' },
      { ...point('武汉'), at: '2025-01-01T23:30:00.000Z' },
    ],
    current: { ...point('武汉'), at: '2025-01-01T23:30:00.000Z' },
    remaining: [],
    destination: point('北京'),
    source: 'gazetteer',
  })
  expect(stored.eta).toMatchObject({ basis: 'lane', samples: 40, confidence: 0.8 })
  const { earliest, likely, latest } = stored.eta ?? { earliest: '', likely: '', latest: '' }
  expect(Date.parse(earliest)).toBeLessThan(Date.parse(likely))
  expect(Date.parse(likely)).toBeLessThan(Date.parse(latest))
  expect(Date.parse(earliest)).toBeGreaterThanOrEqual(Date.parse('2025-01-01T10:00:00.000Z') + 40 * HOUR)
})

test('a Kuaidi100 push with areaCenter (lng,lat): the vendor coordinates, the planned route ahead', async () => {
  await shipped('YT1400000001403')
  const param = {
    status: 'polling',
    message: '',
    autoCheck: '0',
    comOld: '',
    comNew: '',
    lastResult: {
      message: 'ok',
      state: '0',
      status: '200',
      condition: 'F00',
      ischeck: '0',
      com: 'yuantong',
      nu: 'YT1400000001403',
      predictedRoute: [
        { province: '湖北', city: '武汉市', name: '武汉转运中心', state: '当前停留节点' },
        { province: '河北', city: '石家庄市', name: '石家庄转运中心', state: '预估途径节点' },
      ],
      data: [
        {
          time: '2025-01-02 07:30:00',
          ftime: '2025-01-02 07:30:00',
          context: '【武汉转运中心】已收入',
          areaName: '湖北,武汉市',
          areaCenter: '114.30525,30.59276',
          statusCode: '1002',
        },
        {
          time: '2025-01-01 18:00:00',
          ftime: '2025-01-01 18:00:00',
          context: '【深圳宝安】已揽收',
          areaName: '广东,深圳市',
          areaCenter: '0,0',
          statusCode: '1',
        },
      ],
    },
  }
  const answer = await rig.http('/tracking/push/kuaidi100', kuaidi100Push(param), FORM)
  expect(answer.status).toBe(200)
  const stored = await parcel('YTO:YT1400000001403')
  expect(stored.events).toHaveLength(2)
  // 深圳's 0,0 is dropped for the gazetteer's point; 武汉's pair is read as lng,lat.
  expect(stored.route?.travelled).toEqual([
    { ...point('深圳'), at: '2025-01-01T10:00:00.000Z' },
    { name: '武汉市', lat: 30.59276, lng: 114.30525, at: '2025-01-01T23:30:00.000Z' },
  ])
  expect(stored.route?.remaining).toEqual([point('石家庄')])
  expect(stored.route?.destination).toEqual(point('北京'))
  expect(stored.route?.source).toBe('mixed')
  expect(stored.eta?.basis).toBe('lane')
})
