import { buildTrackingEvent } from '../tracking/buildTrackingEvent'
import type { TrackingEvent } from '../tracking/trackingEvent'
import type { StatusMapping } from '../tracking/mapVendorStatus'
import { nodeDigests } from '../../server/platform/digests'
import { estimateEta } from './estimateEta'
import { buildLaneStats, laneStatsIds, MIN_SAMPLES, type DeliverySample, type LaneStatsDoc } from './laneStats'
import { conditionalQuantile, cumulativeAt, quantileAt, quantilesOf } from './quantiles'

const HOUR = 3_600_000
const T0 = Date.UTC(2025, 10, 17, 2) // 2025-11-17 10:00 Asia/Shanghai
const SZ = '440300'
const ZZ = '410100'
const WH = '420100'

describe('quantiles', () => {
  const hours = Array.from({ length: 101 }, (_, i) => i) // 0…100 uniform

  it.each([
    [0, 0],
    [0.1, 10],
    [0.5, 50],
    [0.9, 90],
    [1, 100],
  ])('quantileAt(%s) is %s', (p, value) => {
    expect(quantileAt(quantilesOf(hours), p)).toBeCloseTo(value, 6)
  })

  it('cumulativeAt inverts quantileAt', () => {
    const q = quantilesOf(hours)
    for (const x of [0, 7, 33, 50, 99, 100]) expect(quantileAt(q, cumulativeAt(q, x))).toBeCloseTo(x, 6)
    expect(cumulativeAt(q, -5)).toBe(0)
    expect(cumulativeAt(q, 500)).toBe(1)
  })

  it('conditions on the time already spent: the tail beyond it, never less than it', () => {
    const q = quantilesOf(hours)
    expect(conditionalQuantile(q, 0.5, 0)).toBeCloseTo(50, 6)
    expect(conditionalQuantile(q, 0.5, 60)).toBeCloseTo(80, 6)
    expect(conditionalQuantile(q, 0.1, 60)).toBeCloseTo(64, 6)
    expect(conditionalQuantile(q, 0.5, 150)).toBe(150)
  })
})

function sample(originCity: string, destinationCity: string, hours: number, index: number, carrier: 'YTO' | 'ZTO' = 'YTO'): DeliverySample {
  const pickedUpAt = T0 - 30 * 24 * HOUR + index * HOUR
  return {
    carrier,
    originCity,
    destinationCity,
    pickedUpAt,
    destCityAt: pickedUpAt + (hours - 10) * HOUR,
    outForDeliveryAt: pickedUpAt + (hours - 3) * HOUR,
    deliveredAt: pickedUpAt + hours * HOUR,
  }
}

// 40 samples on 深圳→郑州 (30…69 h), 10 on 深圳→武汉: the lane level exists only for the first.
const samples = [
  ...Array.from({ length: 40 }, (_, i) => sample(SZ, ZZ, 30 + i, i)),
  ...Array.from({ length: 10 }, (_, i) => sample(SZ, WH, 20 + i, i)),
  ...Array.from({ length: 25 }, (_, i) => sample('440100', '410300', 40 + i, i)),
]
const stats = buildLaneStats(samples, T0)
const byId = new Map(stats.map((doc) => [doc._id, doc]))
const lookup = (id: string): LaneStatsDoc | undefined => byId.get(id)

describe('buildLaneStats', () => {
  it('keeps only levels with at least MIN_SAMPLES parcels', () => {
    expect(stats.map((doc) => doc._id)).toEqual(['carrier:YTO', 'lane:YTO:440300:410100', 'province:YTO:440000:410000'])
    expect(byId.get('province:YTO:440000:410000')?.samples).toBe(65)
    expect(byId.get('carrier:YTO')?.samples).toBe(75)
  })

  it('holds pickup→delivery and per-stage remaining-time quantiles', () => {
    const lane = byId.get('lane:YTO:440300:410100')
    expect(lane?.stages.pickedUp.samples).toBe(40)
    expect(lane?.stages.pickedUp.quantiles[0]).toBe(30)
    expect(lane?.stages.pickedUp.quantiles[20]).toBe(69)
    expect(lane?.stages.destCity.quantiles).toEqual(Array(21).fill(10))
    expect(lane?.stages.outForDelivery.quantiles).toEqual(Array(21).fill(3))
  })

  it('leaves out parcels delivered before the 90-day window or after now', () => {
    const old = sample(SZ, ZZ, 30, -24 * 100)
    const future = { ...sample(SZ, ZZ, 30, 0), deliveredAt: T0 + HOUR }
    expect(buildLaneStats([...samples, old, future], T0)).toEqual(stats)
  })

  it('lists the fallback levels most specific first', () => {
    expect(laneStatsIds('YTO', SZ, ZZ).map((level) => level.id)).toEqual([
      'lane:YTO:440300:410100',
      'province:YTO:440000:410000',
      'carrier:YTO',
    ])
    expect(laneStatsIds('YTO', null, ZZ).map((level) => level.level)).toEqual(['carrier'])
  })
})

function scan(hoursAfterT0: number, text: string, location: string, code?: StatusMapping): TrackingEvent {
  const at = new Date(T0 + hoursAfterT0 * HOUR + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ')
  const built = buildTrackingEvent(
    { vendor: 'kdniao', carrier: 'YTO', trackingNo: 'YT1234567890123', time: at, text, location, ...(code ? { code } : {}) },
    nodeDigests,
  )
  if (!built.ok) throw new Error('bad fixture time')
  return built.event
}

const pickedUp = scan(0, '【深圳市】已揽收', '深圳市', { status: 'PICKED_UP', rawCode: '1', known: true })
const inZhengzhou = scan(20, '【郑州转运中心】已收入', '郑州市', {
  status: 'IN_TRANSIT',
  subStatus: 'ARRIVED_DEST_CITY',
  rawCode: '201',
  known: true,
})
const outForDelivery = scan(22, '【郑州金水】派件中', '郑州市', { status: 'OUT_FOR_DELIVERY', rawCode: '202', known: true })
const base = { carrier: 'YTO' as const, originCity: SZ, destinationCity: ZZ, vendorEta: null, laneStats: lookup }

describe('estimateEta', () => {
  it('picked up on a known lane: the lane’s 10/50/90 % from pickup, 80 % confidence', () => {
    const eta = estimateEta({ ...base, status: 'PICKED_UP', events: [pickedUp] })
    expect(eta).toEqual({
      earliest: new Date(T0 + 33.9 * HOUR).toISOString(),
      likely: new Date(T0 + 49.5 * HOUR).toISOString(),
      latest: new Date(T0 + 65.1 * HOUR).toISOString(),
      confidence: 0.8,
      basis: 'lane',
      samples: 40,
    })
  })

  it('in the destination city: the remaining time from that stage', () => {
    const eta = estimateEta({ ...base, status: 'IN_TRANSIT', events: [inZhengzhou, pickedUp] })
    expect(eta?.likely).toBe(new Date(T0 + 30 * HOUR).toISOString())
    expect(eta?.basis).toBe('lane')
  })

  it('out for delivery: hours, not days', () => {
    const eta = estimateEta({ ...base, status: 'OUT_FOR_DELIVERY', events: [outForDelivery, inZhengzhou, pickedUp] })
    expect(eta?.earliest).toBe(new Date(T0 + 25 * HOUR).toISOString())
    expect(eta?.latest).toBe(new Date(T0 + 25 * HOUR).toISOString())
  })

  it('falls back to the province pair, then the carrier, when a level has too few parcels', () => {
    expect(estimateEta({ ...base, destinationCity: '410300', status: 'PICKED_UP', events: [pickedUp] })).toMatchObject({
      basis: 'province',
      samples: 65,
    })
    expect(estimateEta({ ...base, destinationCity: WH, status: 'PICKED_UP', events: [pickedUp] })).toMatchObject({
      basis: 'carrier',
      samples: 75,
    })
    expect(estimateEta({ ...base, originCity: null, status: 'PICKED_UP', events: [pickedUp] })).toMatchObject({ basis: 'carrier' })
  })

  it('uses the vendor’s estimate when no level has enough history, and none at all without one', () => {
    const vendorEta = {
      at: T0 + 48 * HOUR,
      zone: 'assumed:Asia/Shanghai' as const,
      localTime: '2025-11-19 10:00:00',
      vendor: 'kdniao' as const,
      asOf: null,
    }
    const none = () => undefined
    expect(estimateEta({ ...base, laneStats: none, vendorEta, status: 'PICKED_UP', events: [pickedUp] })).toEqual({
      earliest: new Date(T0 + 48 * HOUR).toISOString(),
      latest: new Date(T0 + 48 * HOUR).toISOString(),
      likely: new Date(T0 + 48 * HOUR).toISOString(),
      confidence: 0,
      basis: 'vendor',
      samples: 0,
    })
    expect(estimateEta({ ...base, laneStats: none, status: 'PICKED_UP', events: [pickedUp] })).toBeNull()
    expect(MIN_SAMPLES).toBe(30)
  })

  it('a delivered parcel has no estimate', () => {
    expect(estimateEta({ ...base, status: 'DELIVERED', events: [pickedUp] })).toBeNull()
  })

  it('conditions on the time already spent (elapsed up to the newest scan)', () => {
    const late = scan(60, '【武汉转运中心】已发出', '武汉市', { status: 'IN_TRANSIT', rawCode: '2', known: true })
    const eta = estimateEta({ ...base, status: 'IN_TRANSIT', events: [late, pickedUp] })
    expect(new Date(eta?.earliest ?? 0).getTime()).toBeGreaterThanOrEqual(T0 + 60 * HOUR)
    expect(new Date(eta?.latest ?? 0).getTime()).toBeLessThanOrEqual(T0 + 69 * HOUR)
  })
})
