import { mergePlaces, mergeVendorMaps, type VendorMap } from './vendorMap'

const map = (asOf: number | null, places: [string, number, number][], planned: string[] = []): VendorMap => ({
  vendor: 'kdniao',
  asOf,
  origin: null,
  destination: null,
  current: null,
  loop: null,
  planned: planned.map((name) => ({ name, point: null, passed: false })),
  places: mergePlaces(places.map(([name, lat, lng]) => ({ name, lat, lng }))),
})

const maps = [
  map(1, [['深圳市', 22.55, 113.88]], ['武汉市']),
  map(2, [['武汉市', 30.58, 114.31]], ['郑州市', '北京市']),
  map(
    2,
    [
      ['武汉市', 30.59, 114.3],
      ['郑州市', 34.75, 113.62],
    ],
    ['北京市'],
  ),
  map(null, [], []),
]

describe('mergeVendorMaps', () => {
  it('is commutative, associative and idempotent', () => {
    for (const a of maps) {
      expect(mergeVendorMaps(a, a)).toEqual(a)
      for (const b of maps) {
        expect(mergeVendorMaps(a, b)).toEqual(mergeVendorMaps(b, a))
        for (const c of maps) expect(mergeVendorMaps(mergeVendorMaps(a, b), c)).toEqual(mergeVendorMaps(a, mergeVendorMaps(b, c)))
      }
    }
  })

  it('keeps the newest plan and every named point seen', () => {
    const merged = mergeVendorMaps(maps[0] ?? null, maps[1] ?? null)
    expect(merged?.planned.map((stop) => stop.name)).toEqual(['郑州市', '北京市'])
    expect(merged?.places.map((place) => place.name).sort()).toEqual(['武汉市', '深圳市'].sort())
  })
})
