import type { OrderItem, ParcelSummary } from '../api/documents'
import { allocateItems } from './itemAllocation'

const orderItems: OrderItem[] = [
  { productId: 'tea', title: '茶', priceFen: 100, quantity: 3, image: '/t.png' },
  { productId: 'mug', title: '杯', priceFen: 200, quantity: 1, image: '/m.png' },
]
const other = (items: ParcelSummary['items'], superseded = false): ParcelSummary => ({
  parcelId: 'YTO:YT1',
  seq: 1,
  carrier: 'YTO',
  trackingNo: 'YT1',
  status: 'IN_TRANSIT',
  subStatus: null,
  lastEvent: null,
  superseded,
  items,
})

describe('item allocation per parcel', () => {
  it.each<[string, ParcelSummary[], Array<{ productId: string; quantity: number }> | undefined, string | null]>([
    ['no allocation', [], undefined, null],
    ['part of the tea', [], [{ productId: 'tea', quantity: 2 }], null],
    ['the rest after another parcel', [other([{ productId: 'tea', title: '茶', quantity: 2 }])], [{ productId: 'tea', quantity: 1 }], null],
    [
      'a superseded parcel frees its items',
      [other([{ productId: 'tea', title: '茶', quantity: 3 }], true)],
      [{ productId: 'tea', quantity: 3 }],
      null,
    ],
    [
      'more than is left',
      [other([{ productId: 'tea', title: '茶', quantity: 2 }])],
      [{ productId: 'tea', quantity: 2 }],
      'tea: 2 requested, 1 left to ship',
    ],
    ['an item not in the order', [], [{ productId: 'scarf', quantity: 1 }], 'scarf is not in this order'],
    [
      'a product twice',
      [],
      [
        { productId: 'mug', quantity: 1 },
        { productId: 'mug', quantity: 1 },
      ],
      'mug is listed twice',
    ],
  ])('%s', (_case, others, requested, error) => {
    const result = allocateItems(orderItems, others, requested)
    if (error === null) {
      expect(result.ok).toBe(true)
      if (result.ok)
        expect(result.items).toEqual(
          (requested ?? []).map((item) => ({ ...item, title: orderItems.find((o) => o.productId === item.productId)?.title })),
        )
    } else {
      expect(result).toEqual({ ok: false, reason: 'invalid_items', message: error })
    }
  })
})
