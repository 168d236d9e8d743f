import type { OrderItem, ParcelSummary } from '../api/documents'
import { deriveOrderStatus, shipmentCoverage } from './orderStatus'

const items: OrderItem[] = [
  { productId: 'tea', title: '茶', priceFen: 100, quantity: 2, image: '/t.png' },
  { productId: 'mug', title: '杯', priceFen: 200, quantity: 1, image: '/m.png' },
]

const parcel = (over: Partial<ParcelSummary> = {}): ParcelSummary => ({
  parcelId: 'YTO:YT0000000000001',
  seq: 1,
  carrier: 'YTO',
  trackingNo: 'YT0000000000001',
  status: 'IN_TRANSIT',
  subStatus: null,
  lastEvent: null,
  superseded: false,
  ...over,
})

describe('order status from parcels', () => {
  it.each<[string, ParcelSummary[], string, string]>([
    ['no parcel yet', [], 'none', 'PAID'],
    ['only a superseded parcel', [parcel({ superseded: true })], 'none', 'PAID'],
    ['one parcel without an allocation ships everything', [parcel()], 'full', 'SHIPPED'],
    [
      'an allocation that leaves the mug',
      [parcel({ items: [{ productId: 'tea', title: '茶', quantity: 2 }] })],
      'partial',
      'PARTIALLY_SHIPPED',
    ],
    [
      'one tea of two',
      [
        parcel({
          items: [
            { productId: 'tea', title: '茶', quantity: 1 },
            { productId: 'mug', title: '杯', quantity: 1 },
          ],
        }),
      ],
      'partial',
      'PARTIALLY_SHIPPED',
    ],
    [
      'two parcels covering everything',
      [
        parcel({ items: [{ productId: 'tea', title: '茶', quantity: 2 }] }),
        parcel({ parcelId: 'SF:SF0000000000002', seq: 2, items: [{ productId: 'mug', title: '杯', quantity: 1 }] }),
      ],
      'full',
      'SHIPPED',
    ],
    [
      'an allocated parcel plus one for the rest',
      [parcel({ items: [{ productId: 'tea', title: '茶', quantity: 1 }] }), parcel({ parcelId: 'SF:SF0000000000002', seq: 2 })],
      'full',
      'SHIPPED',
    ],
    [
      'every active parcel delivered',
      [parcel({ status: 'DELIVERED' }), parcel({ parcelId: 'X:1', superseded: true, status: 'IN_TRANSIT' })],
      'full',
      'DELIVERED',
    ],
    ['one of two delivered', [parcel({ status: 'DELIVERED' }), parcel({ parcelId: 'SF:SF0000000000002', seq: 2 })], 'full', 'SHIPPED'],
    [
      'delivered but only part of the order',
      [parcel({ status: 'DELIVERED', items: [{ productId: 'mug', title: '杯', quantity: 1 }] })],
      'partial',
      'PARTIALLY_SHIPPED',
    ],
  ])('%s', (_case, parcels, coverage, status) => {
    expect(shipmentCoverage(items, parcels)).toBe(coverage)
    expect(deriveOrderStatus(items, parcels)).toBe(status)
  })
})
