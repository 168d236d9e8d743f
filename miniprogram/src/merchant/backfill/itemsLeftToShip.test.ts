import type { OrderItem, ParcelSummary } from '@core/api/documents'
import { allocationEntry, itemsLeftToShip } from './itemsLeftToShip'

const ITEMS: OrderItem[] = [
  { productId: 'tea', title: '明前龙井', priceFen: 100, quantity: 2, image: '' },
  { productId: 'mug', title: '马克杯', priceFen: 100, quantity: 3, image: '' },
]

const parcel = (parcelId: string, items: ParcelSummary['items'], superseded = false): ParcelSummary => ({
  parcelId,
  seq: 1,
  carrier: 'SF',
  trackingNo: parcelId.split(':')[1] ?? parcelId,
  status: 'PENDING',
  subStatus: null,
  lastEvent: null,
  superseded,
  items,
})

const left = (parcels: ParcelSummary[], replacing: string | null = null) =>
  itemsLeftToShip({ items: ITEMS, parcels }, replacing).map((item) => [item.productId, item.left])

describe('itemsLeftToShip', () => {
  it.each([
    [
      'nothing shipped',
      [],
      [
        ['tea', 2],
        ['mug', 3],
      ],
    ],
    [
      'one parcel with part of the order',
      [parcel('SF:A', [{ productId: 'mug', title: '马克杯', quantity: 2 }])],
      [
        ['tea', 2],
        ['mug', 1],
      ],
    ],
    [
      'a parcel without an allocation (it carries the rest)',
      [parcel('SF:A', [])],
      [
        ['tea', 0],
        ['mug', 0],
      ],
    ],
    [
      'a superseded parcel does not count',
      [parcel('SF:A', [{ productId: 'tea', title: '明前龙井', quantity: 2 }], true)],
      [
        ['tea', 2],
        ['mug', 3],
      ],
    ],
  ])('%s', (_name, parcels, expected) => {
    expect(left(parcels)).toEqual(expected)
  })

  it('does not count the parcel a correction replaces', () => {
    expect(left([parcel('SF:A', [])], 'SF:A')).toEqual([
      ['tea', 2],
      ['mug', 3],
    ])
  })
})

describe('allocationEntry', () => {
  it('sends only items given a quantity, and nothing when none is', () => {
    expect(allocationEntry({ tea: 1, mug: 0 })).toEqual([{ productId: 'tea', quantity: 1 }])
    expect(allocationEntry({ tea: 0 })).toBeUndefined()
  })
})
