import { waitingOrder } from '../testing/merchantFixtures'
import { filterToShip, toShipRow } from './toShipView'

const NOW = Date.parse('2026-03-01T02:00:00Z')

describe('toShipRow', () => {
  it('shows who, where, what and how long it has waited', () => {
    expect(toShipRow(waitingOrder(NOW, { orderId: 'A1', paidHoursAgo: 30 }), NOW)).toEqual({
      orderId: 'A1',
      receiver: '王小明',
      phone: '138****8000',
      region: '浙江省 杭州市 西湖区',
      itemsText: '明前龙井 250g ×1 等2种',
      itemCount: 3,
      statusText: '待发货',
      waitingText: '已等待 30小时',
      overdue: true,
      parcelsText: null,
    })
  })

  it('counts the parcels already sent of a partly shipped order', () => {
    const order = waitingOrder(NOW, {
      orderId: 'A2',
      paidHoursAgo: 2,
      parcels: [
        {
          parcelId: 'SF:SF1400000000771',
          seq: 1,
          carrier: 'SF',
          trackingNo: 'SF1400000000771',
          status: 'IN_TRANSIT',
          subStatus: null,
          lastEvent: null,
          superseded: false,
        },
      ],
    })
    expect(toShipRow(order, NOW)).toMatchObject({
      statusText: '部分发货',
      parcelsText: '已发1个包裹',
      overdue: false,
      waitingText: '已等待 2小时',
    })
  })
})

describe('filterToShip', () => {
  const orders = [
    waitingOrder(NOW, { orderId: 'fresh', paidHoursAgo: 3 }),
    waitingOrder(NOW, { orderId: 'old', paidHoursAgo: 25 }),
    waitingOrder(NOW, { orderId: 'partial', paidHoursAgo: 1, status: 'PARTIALLY_SHIPPED' }),
  ]
  it.each([
    ['all', ['fresh', 'old', 'partial']],
    ['PAID', ['fresh', 'old']],
    ['PARTIALLY_SHIPPED', ['partial']],
    ['overdue', ['old']],
  ] as const)('%s', (filter, ids) => {
    expect(filterToShip(orders, filter, NOW).map((order) => order._id)).toEqual(ids)
  })
})
