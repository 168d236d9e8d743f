import type { OrderDoc, ParcelSummary } from '../api/documents'
import { nextParcelSeq, orderWithParcels, withParcelSummary } from './parcelSummary'

const summary = (parcelId: string, seq: number, over: Partial<ParcelSummary> = {}): ParcelSummary => ({
  parcelId,
  seq,
  carrier: 'YTO',
  trackingNo: parcelId.split(':')[1] ?? parcelId,
  status: 'IN_TRANSIT',
  subStatus: null,
  lastEvent: null,
  superseded: false,
  ...over,
})

const order: OrderDoc = {
  _id: 'o1',
  _openid: 'shopper',
  items: [{ productId: 'tea', title: '茶', priceFen: 100, quantity: 1, image: '/t.png' }],
  totalFen: 100,
  address: {
    userName: '张三',
    telMasked: '138****1234',
    provinceName: '广东省',
    cityName: '深圳市',
    countyName: '南山区',
    detailInfo: '1 号',
    postalCode: null,
  },
  status: 'PAID',
  payment: { provider: 'simulated', transactionId: 't', paidAt: 1 },
  parcels: [],
  createdAt: 1,
  updatedAt: 1,
  shippedAt: null,
  deliveredAt: null,
}

describe('parcel summaries on the order', () => {
  it('replaces a summary by parcel id and lists active parcels by seq before superseded ones', () => {
    const list = withParcelSummary(
      withParcelSummary(withParcelSummary([], summary('YTO:B', 2)), summary('YTO:A', 1)),
      summary('YTO:B', 2, { superseded: true }),
    )
    const withReplacement = withParcelSummary(list, summary('ZTO:C', 2))
    expect(withReplacement.map((s) => [s.parcelId, s.superseded])).toEqual([
      ['YTO:A', false],
      ['ZTO:C', false],
      ['YTO:B', true],
    ])
  })

  it.each<[ParcelSummary[], number]>([
    [[], 1],
    [[summary('A:1', 1)], 2],
    [[summary('A:1', 1), summary('A:2', 3, { superseded: true })], 4],
  ])('next seq after %j is %i', (list, next) => expect(nextParcelSeq(list)).toBe(next))

  it('sets shippedAt once and deliveredAt from the newest delivered scan', () => {
    const shipped = orderWithParcels(order, [summary('YTO:A', 1)], 5_000)
    expect([shipped.status, shipped.shippedAt, shipped.deliveredAt, shipped.updatedAt]).toEqual(['SHIPPED', 5_000, null, 5_000])
    const delivered = orderWithParcels(
      shipped,
      [summary('YTO:A', 1, { status: 'DELIVERED', lastEvent: { at: 7_000, text: '已签收' } })],
      9_000,
    )
    expect([delivered.status, delivered.shippedAt, delivered.deliveredAt]).toEqual(['DELIVERED', 5_000, 7_000])
  })
})
