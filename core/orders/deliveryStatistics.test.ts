import { carrierPerformance, deliveryFigures, median, percentile, type ParcelForStatistics } from './deliveryStatistics'

const H = 3600_000
const delivered = (carrier: 'SF' | 'YTO', province: string, hours: number, trouble = false): ParcelForStatistics => ({
  carrier,
  province,
  shippedAt: 0,
  deliveredAt: hours * H,
  status: 'DELIVERED',
  events: [{ at: hours * H, status: 'DELIVERED' }, ...(trouble ? [{ at: H, status: 'DELIVERY_FAILED' as const }] : [])],
})

describe('delivery statistics', () => {
  it.each<[number[], number, number | null, number | null]>([
    [[], 90, null, null],
    [[5], 90, 5, 5],
    [[1, 2, 3, 4], 90, 4, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9, 5.5],
  ])('percentile/median of %j', (values, p, expectedP, expectedMedian) => {
    expect(percentile(values, p)).toBe(expectedP)
    expect(median(values)).toBe(expectedMedian)
  })

  it('counts from the earlier of shipment and first scan, and rates parcels that ever had trouble', () => {
    const early: ParcelForStatistics = {
      ...delivered('SF', '北京', 30),
      shippedAt: 10 * H,
      events: [
        { at: 30 * H, status: 'DELIVERED' },
        { at: 4 * H, status: 'PICKED_UP' },
      ],
    }
    const inTransit: ParcelForStatistics = {
      carrier: 'SF',
      province: '北京',
      shippedAt: 0,
      deliveredAt: null,
      status: 'RETURNING',
      events: [],
    }
    expect(deliveryFigures([early, delivered('SF', '北京', 20, true), inTransit])).toEqual({
      parcels: 3,
      delivered: 2,
      medianHours: 23,
      p90Hours: 26,
      exceptionRate: 0.667,
    })
  })

  it('groups by carrier and by province, biggest group first', () => {
    const result = carrierPerformance([delivered('SF', '北京', 10), delivered('YTO', '上海', 20), delivered('YTO', '北京', 30)])
    expect(result.byCarrier.map((row) => [row.carrier, row.parcels, row.medianHours])).toEqual([
      ['YTO', 2, 25],
      ['SF', 1, 10],
    ])
    expect(result.byProvince.map((row) => [row.province, row.parcels, row.p90Hours])).toEqual([
      ['北京', 2, 30],
      ['上海', 1, 20],
    ])
  })
})
