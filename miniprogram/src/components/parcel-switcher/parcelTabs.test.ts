import { DELIVERED_SCAN, fixtureOrder, fixtureParcel, SCANS_TO_DEST_CITY } from '../../testing/trackingFixtures'
import { parcelTabs } from './parcelTabs'

const NOW = Date.parse('2026-03-01T02:00:00Z')

describe('parcelTabs', () => {
  const first = fixtureParcel(NOW, {
    orderId: 'o1',
    seq: 1,
    scans: [...SCANS_TO_DEST_CITY, DELIVERED_SCAN],
    items: [{ productId: 'prod-longjing-tea', title: '明前龙井 250g', quantity: 1 }],
  })
  const second = fixtureParcel(NOW, {
    orderId: 'o1',
    seq: 2,
    scans: SCANS_TO_DEST_CITY,
    items: [{ productId: 'prod-ceramic-mug', title: '景德镇手绘马克杯', quantity: 2 }],
  })
  const order = fixtureOrder(NOW, 'o1', [first, second])

  it('labels parcels by seq with their status and items', () => {
    expect(parcelTabs(order, [second, first])).toEqual([
      {
        parcelId: first._id,
        label: '包裹1',
        statusLabel: '已签收',
        tone: 'success',
        itemsText: '共1件商品',
        items: [{ productId: 'prod-longjing-tea', title: '明前龙井 250g', quantity: 1, image: '/assets/products/longjing-tea.png' }],
      },
      {
        parcelId: second._id,
        label: '包裹2',
        statusLabel: '运输中',
        tone: 'progress',
        itemsText: '共2件商品',
        items: [{ productId: 'prod-ceramic-mug', title: '景德镇手绘马克杯', quantity: 2, image: '/assets/products/ceramic-mug.png' }],
      },
    ])
  })

  it('leaves out a parcel replaced by a corrected number', () => {
    const replaced = { ...fixtureParcel(NOW, { orderId: 'o1', seq: 3, trackingNo: 'SF1400000000999' }), supersededBy: second._id }
    expect(parcelTabs(order, [first, second, replaced]).map((tab) => tab.label)).toEqual(['包裹1', '包裹2'])
  })

  it('says when the merchant did not list the items, and when there are no scans yet', () => {
    const bare = fixtureParcel(NOW, { orderId: 'o1', seq: 1 })
    expect(parcelTabs(order, [bare])[0]).toMatchObject({ itemsText: '商家未注明该包裹内的商品', statusLabel: '暂无物流轨迹', items: [] })
  })
})
