import type { OrderDoc } from '../../core/api'
import { beijingRfc3339, shippingPayload, type ShippingParcel } from './shippingPayload'

const NOW = Date.UTC(2025, 0, 2, 5, 29, 35, 120)
const ORDER = {
  _id: 'o1',
  _openid: 'o-payer',
  totalFen: 100,
  status: 'SHIPPED',
  createdAt: 0,
  updatedAt: 0,
  shippedAt: 0,
  deliveredAt: null,
  items: [{ productId: 'mug', title: '马克杯', priceFen: 50, quantity: 2, image: '' }],
  address: { userName: '测试', telMasked: '138****5678', provinceName: '', cityName: '', countyName: '', detailInfo: '', postalCode: null },
  payment: { provider: 'simulated', transactionId: '4200000000202501021234567890', paidAt: 0 },
  parcels: [],
} as unknown as OrderDoc
const parcel = (seq: number, carrier: ShippingParcel['carrier'], trackingNo: string, quantity: number): ShippingParcel => ({
  parcelId: `${carrier}:${trackingNo}`,
  seq,
  carrier,
  trackingNo,
  items: quantity ? [{ productId: 'mug', title: '马克杯', quantity }] : [],
})
const withSummaries = (parcels: ShippingParcel[]) =>
  ({
    ...ORDER,
    parcels: parcels.map((p) => ({
      parcelId: p.parcelId,
      seq: p.seq,
      carrier: p.carrier,
      trackingNo: p.trackingNo,
      status: 'IN_TRANSIT',
      subStatus: null,
      lastEvent: null,
      superseded: false,
      items: p.items,
    })),
  }) as OrderDoc

test('RFC 3339 in Beijing time with its offset', () => {
  expect(beijingRfc3339(NOW)).toBe('2025-01-02T13:29:35.120+08:00')
})

test('one parcel carrying the whole order is unified delivery, without is_all_delivered', () => {
  const parcels = [parcel(1, 'YTO', 'YT1', 0)]
  expect(shippingPayload(withSummaries(parcels), parcels, NOW)).toMatchObject({
    delivery_mode: 1,
    shipping_list: [{ tracking_no: 'YT1', express_company: 'YTO', item_desc: '马克杯*2' }],
  })
  expect(shippingPayload(withSummaries(parcels), parcels, NOW)).not.toHaveProperty('is_all_delivered')
})

test.each([
  ['one of two parcels so far', [parcel(1, 'YTO', 'YT1', 1)], false],
  ['both parcels', [parcel(2, 'ZTO', '7501', 1), parcel(1, 'SF', 'SF1', 1)], true],
])('split delivery: %s', (_case, parcels, all) => {
  const body = shippingPayload(withSummaries(parcels), parcels, NOW)
  expect(body).toMatchObject({ delivery_mode: 2, is_all_delivered: all })
  expect((body.shipping_list as Array<{ tracking_no: string }>).map((item) => item.tracking_no)).toEqual(
    [...parcels].sort((a, b) => a.seq - b.seq).map((p) => p.trackingNo),
  )
})

test('SF carries the masked receiver contact; others do not', () => {
  const parcels = [parcel(1, 'SF', 'SF1', 1), parcel(2, 'YTO', 'YT2', 1)]
  const list = shippingPayload(withSummaries(parcels), parcels, NOW).shipping_list as Array<Record<string, unknown>>
  expect(list[0]?.contact).toEqual({ receiver_contact: '138****5678' })
  expect(list[1]).not.toHaveProperty('contact')
})

test('at most 15 items and item_desc at most 120 characters', () => {
  const parcels = Array.from({ length: 16 }, (_x, index) => parcel(index + 1, 'YTO', `YT${index}`, 0))
  const long = {
    ...withSummaries(parcels),
    items: [{ productId: 'mug', title: '很'.repeat(200), priceFen: 1, quantity: 1, image: '' }],
  } as OrderDoc
  const body = shippingPayload(long, parcels, NOW)
  const list = body.shipping_list as Array<{ item_desc: string }>
  expect(list).toHaveLength(15)
  expect([...(list[0]?.item_desc ?? '')].length).toBe(120)
  expect(body.is_all_delivered).toBe(false)
})
