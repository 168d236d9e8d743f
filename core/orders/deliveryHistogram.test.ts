import fc from 'fast-check'
import { deliveryBucket, figuresFromHistogram, parcelStatistics } from './deliveryHistogram'
import { deliveryFigures, type ParcelForStatistics } from './deliveryStatistics'

const H = 3600_000
const parcel = (hours: number | null, trouble = false): ParcelForStatistics => ({
  carrier: 'SF',
  province: '广东',
  shippedAt: 0,
  deliveredAt: hours === null ? null : hours * H,
  status: hours === null ? 'IN_TRANSIT' : 'DELIVERED',
  events: [
    ...(hours === null ? [] : [{ at: hours * H, status: 'DELIVERED' as const }]),
    ...(trouble ? [{ at: H, status: 'EXCEPTION' as const }] : []),
  ],
})

/** What the database aggregation returns for these parcels. */
function histogramOf(parcels: ParcelForStatistics[]) {
  const stats = parcels.map(parcelStatistics)
  const counts = new Map<number, number>()
  for (const { deliveryBucket: bucket } of stats) if (bucket !== null) counts.set(bucket, (counts.get(bucket) ?? 0) + 1)
  return { parcels: parcels.length, trouble: stats.filter((stat) => stat.troubled === 1).length, buckets: [...counts] }
}

describe('delivery figures from a histogram', () => {
  test.each([
    [0.04, 0],
    [0.5, 1],
    [36.44, 36],
    [47.94, 48],
    [48, 48],
    [62.4, 62],
    [62.5, 63],
    [200.2, 200],
  ])('bucket of %p h is %p', (hours, bucket) => {
    expect(deliveryBucket(hours)).toBe(bucket)
  })

  test("a parcel's statistics: delivery bucket only when delivered, trouble from any event", () => {
    expect(parcelStatistics(parcel(30.4, true))).toEqual({ deliveryBucket: 30, troubled: 1 })
    expect(parcelStatistics(parcel(null))).toEqual({ deliveryBucket: null, troubled: 0 })
  })

  test('empty and undelivered groups', () => {
    expect(figuresFromHistogram({ parcels: 0, trouble: 0, buckets: [] })).toEqual({
      parcels: 0,
      delivered: 0,
      medianHours: null,
      p90Hours: null,
      exceptionRate: null,
    })
    expect(figuresFromHistogram({ parcels: 3, trouble: 1, buckets: [] })).toEqual({
      parcels: 3,
      delivered: 0,
      medianHours: null,
      p90Hours: null,
      exceptionRate: 0.333,
    })
  })

  test('equal to the per-parcel figures when delivery times are at bucket precision', () => {
    const wholeHours = fc.integer({ min: 0, max: 400 })
    const arbitraryParcel = fc.tuple(fc.option(wholeHours, { nil: null }), fc.boolean()).map(([hours, trouble]) => parcel(hours, trouble))
    fc.assert(
      fc.property(fc.array(arbitraryParcel, { maxLength: 60 }), (parcels) => {
        expect(figuresFromHistogram(histogramOf(parcels))).toEqual(deliveryFigures(parcels))
      }),
    )
  })

  test('within half an hour otherwise (a median of an even count averages two buckets)', () => {
    const hours = [10.04, 10.06, 20.01, 30.33, 50.2, 70.7]
    const exact = deliveryFigures(hours.map((value) => parcel(value)))
    const bucketed = figuresFromHistogram(histogramOf(hours.map((value) => parcel(value))))
    expect(bucketed).toMatchObject({ parcels: exact.parcels, delivered: exact.delivered, exceptionRate: exact.exceptionRate })
    expect(Math.abs((bucketed.medianHours ?? 0) - (exact.medianHours ?? 0))).toBeLessThanOrEqual(0.55)
    expect(Math.abs((bucketed.p90Hours ?? 0) - (exact.p90Hours ?? 0))).toBeLessThanOrEqual(0.55)
  })
})
