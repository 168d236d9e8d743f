import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { nodeDigests } from '../../server/platform/digests'
import { kdniaoWaybillSchema } from '../aggregators/kdniao/kdniaoSchemas'
import { kdniaoSnapshot } from '../aggregators/kdniao/kdniaoSnapshot'
import { kuaidi100ResultSchema } from '../aggregators/kuaidi100/kuaidi100Schemas'
import { kuaidi100Snapshot } from '../aggregators/kuaidi100/kuaidi100Snapshot'
import { emptyTracking, mergeSnapshot, type ParcelTracking } from '../tracking/parcelTracking'
import type { TrackingSnapshot } from '../tracking/trackingSnapshot'
import { deriveRoute } from './deriveRoute'
import { cityNamed } from './gazetteer'
import type { RoutePoint } from './route'

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'))

function snapshotOf(result: ReturnType<typeof kdniaoSnapshot>): TrackingSnapshot {
  if (!result.ok) throw new Error(`fixture did not parse: ${result.reason}`)
  return result.snapshot
}

const kdniao = (name: string, topLevel: Record<string, unknown> | null = null) =>
  mergeSnapshot(emptyTracking(), snapshotOf(kdniaoSnapshot(kdniaoWaybillSchema.parse(fixture(name).item), nodeDigests, topLevel)))
const kuaidi100 = (lastResult: unknown) =>
  mergeSnapshot(emptyTracking(), snapshotOf(kuaidi100Snapshot(kuaidi100ResultSchema.parse(lastResult), nodeDigests)))

function cityPoint(name: string): RoutePoint {
  const city = cityNamed(name)
  if (!city) throw new Error(`gazetteer lacks ${name}`)
  return { name: city.name, lat: city.lat, lng: city.lng }
}

const route = (tracking: ParcelTracking, destination: RoutePoint | null = cityPoint('北京')) =>
  deriveRoute({ events: tracking.events, status: tracking.status, vendorMap: tracking.vendorMap, destination })
const names = (points: readonly RoutePoint[] | undefined) => (points ?? []).map((point) => point.name)

describe('deriveRoute: Kdniao 102 with city names only', () => {
  const tracking = kdniao('kdniao-102-cities-only.json')
  const result = route(tracking, cityPoint('郑州'))

  it('travels 深圳 → 武汉 → 郑州 at the gazetteer points, collapsing the two 深圳 scans, in event order', () => {
    expect(names(result?.travelled)).toEqual(['深圳市', '武汉市', '郑州市'])
    expect(result?.travelled[0]).toEqual({ ...cityPoint('深圳'), at: '2025-11-17T10:20:00.000Z' })
    expect(result?.current).toEqual({ ...cityPoint('郑州'), at: '2025-11-18T23:30:00.000Z' })
    expect(result?.destination).toEqual(cityPoint('郑州'))
    expect(result?.remaining).toEqual([])
    expect(result?.source).toBe('gazetteer')
  })

  it('does not depend on the order the traces came in', () => {
    const item = fixture('kdniao-102-cities-only.json').item
    const reversed = mergeSnapshot(
      emptyTracking(),
      snapshotOf(kdniaoSnapshot(kdniaoWaybillSchema.parse({ ...item, Traces: [...item.Traces].reverse() }), nodeDigests)),
    )
    expect(route(reversed, cityPoint('郑州'))).toEqual(result)
  })
})

describe('deriveRoute: Kdniao 8005 map fields (lat,lng)', () => {
  it('uses the vendor coordinates, read as lat,lng, and plans 武汉 → 郑州 → 北京 ahead', () => {
    const result = route(kdniao('kdniao-8005-map.json'))
    expect(result?.travelled).toEqual([{ name: '深圳市', lat: 22.55329, lng: 113.88308, at: '2025-11-17T10:20:00.000Z' }])
    expect(names(result?.remaining)).toEqual(['武汉市', '郑州市', '北京市'])
    expect(result?.remaining[0]).toEqual({ name: '武汉市', lat: 30.58108, lng: 114.3162 })
    // The bare string 郑州市 has no coordinate: the gazetteer gives it.
    expect(result?.remaining[1]).toEqual(cityPoint('郑州'))
    expect(result?.source).toBe('mixed')
  })

  it('reads the map fields from the push top level when the item has none', () => {
    const { item } = fixture('kdniao-8005-map.json')
    const { Coordinates, PreCoordinates, SenderCityLatAndLng, ReceiverCityLatAndLng, ...bare } = item
    const tracking = mergeSnapshot(
      emptyTracking(),
      snapshotOf(
        kdniaoSnapshot(kdniaoWaybillSchema.parse(bare), nodeDigests, {
          Coordinates,
          PreCoordinates,
          SenderCityLatAndLng,
          ReceiverCityLatAndLng,
        }),
      ),
    )
    expect(names(route(tracking)?.remaining)).toEqual(['武汉市', '郑州市', '北京市'])
  })

  it('keeps the vendor ETA as vendorEta', () => {
    expect(kdniao('kdniao-8005-map.json').vendorEta).toMatchObject({ localTime: '2025-11-20 18:00:00', vendor: 'kdniao' })
  })

  it('names the receiver point from the gazetteer when the order has no destination city', () => {
    expect(route(kdniao('kdniao-8005-map.json'), null)?.destination).toEqual({ name: '北京市', lat: 39.91754, lng: 116.41876 })
  })
})

describe('deriveRoute: Kuaidi100 pollmap (areaCenter lng,lat)', () => {
  const { lastResult } = fixture('kuaidi100-pollmap.json')
  const tracking = kuaidi100(lastResult)

  it('reads areaCenter as lng,lat and plans the not-yet-passed predictedRoute nodes', () => {
    const result = route(tracking)
    expect(result?.travelled).toEqual([
      { name: '深圳市', lat: 22.55329, lng: 113.88308, at: '2025-11-17T10:20:00.000Z' },
      { name: '武汉市', lat: 30.58108, lng: 114.3162, at: '2025-11-18T08:05:00.000Z' },
    ])
    expect(names(result?.remaining)).toEqual(['郑州市', '北京市'])
    expect(result?.destination).toEqual(cityPoint('北京'))
    expect(result?.source).toBe('mixed')
    expect(tracking.vendorMap?.loop).toBe(false)
    expect(tracking.vendorEta).toMatchObject({ localTime: '2025-11-21 12:00:00', vendor: 'kuaidi100' })
  })

  it('has nothing remaining once delivered', () => {
    const delivered = {
      ...lastResult,
      state: '3',
      data: [
        {
          time: '2025-11-20 10:00:00',
          ftime: '2025-11-20 10:00:00',
          context: '【北京朝阳】已签收',
          areaName: '北京,北京市',
          areaCenter: '116.41876,39.91754',
          status: '签收',
          statusCode: '3',
        },
        ...lastResult.data,
      ],
    }
    const result = route(kuaidi100(delivered))
    expect(result?.remaining).toEqual([])
    expect(names(result?.travelled)).toEqual(['深圳市', '武汉市', '北京市'])
  })
})

describe('deriveRoute: bad input drops only the bad point', () => {
  const { lastResult } = fixture('kuaidi100-pollmap.json')
  const withCenter = (areaCenter: unknown, areaName = '湖北,武汉市') => {
    const [first, ...rest] = lastResult.data
    return kuaidi100({ ...lastResult, data: [{ ...first, areaName, areaCenter }, ...rest] })
  }

  it.each([
    ['empty', ''],
    ['0,0', '0,0'],
    ['swapped (lat,lng where lng,lat is due)', '30.58108,114.3162'],
    ['outside China', '-0.1276,51.5072'],
    ['not numbers', 'abc,def'],
    ['one number', '114.3'],
    ['a number, not a string', 114.3],
  ])('a %s areaCenter: the scan keeps its event, the city its gazetteer point', (_label, areaCenter) => {
    const tracking = withCenter(areaCenter)
    expect(tracking.events).toHaveLength(3)
    const wuhan = route(tracking)?.travelled[1]
    expect(wuhan).toEqual({ ...cityPoint('武汉'), at: '2025-11-18T08:05:00.000Z' })
  })

  it('a vendor coordinate far from the city it names is not trusted', () => {
    expect(route(withCenter('116.41876,39.91754'))?.travelled[1]).toEqual({ ...cityPoint('武汉'), at: '2025-11-18T08:05:00.000Z' })
  })

  it('an unknown place gives no point; the other scans still do', () => {
    const tracking = withCenter(null, '火星,奥林匹斯市')
    const changed = {
      ...tracking,
      events: tracking.events.map((event) => (event.text.includes('武汉') ? { ...event, text: '已收入' } : event)),
    }
    expect(names(route(changed)?.travelled)).toEqual(['深圳市'])
  })

  it('a scan back in an earlier city stays visible as it happened (a loop)', () => {
    const back = {
      time: '2025-11-19 09:00:00',
      ftime: '2025-11-19 09:00:00',
      context: '【深圳转运中心】退回',
      areaName: '广东,深圳市',
      areaCenter: '113.88308,22.55329',
      status: '干线',
      statusCode: '1002',
    }
    expect(names(route(kuaidi100({ ...lastResult, data: [back, ...lastResult.data] }))?.travelled)).toEqual(['深圳市', '武汉市', '深圳市'])
  })

  it('a destination the gazetteer does not know: no destination point, the route still stands', () => {
    const result = route(kdniao('kdniao-102-cities-only.json'), null)
    expect(result?.destination).toBeNull()
    expect(names(result?.travelled)).toEqual(['深圳市', '武汉市', '郑州市'])
  })

  it('no known place and no destination: no route', () => {
    expect(deriveRoute({ events: [], status: 'PENDING', vendorMap: null, destination: null })).toBeNull()
  })
})
