import { DELIVERED_SCAN, fixtureOrder, fixtureParcel, SCANS_TO_DEST_CITY } from '../../testing/trackingFixtures'
import { orderCardView } from './orderCardView'

const SH = 'Asia/Shanghai'
const NOW = Date.parse('2026-03-01T02:00:00Z')

describe('orderCardView', () => {
  it('shows a paid order as waiting for shipment', () => {
    expect(orderCardView(fixtureOrder(NOW, 'o1', []), NOW, SH)).toEqual({
      statusText: '待发货',
      chips: [],
      latest: { text: '商家正在备货，发货后可在这里查看物流', when: '' },
      itemsCount: '共3件',
    })
  })

  it('gives a single parcel a plain chip and its latest line', () => {
    const view = orderCardView(fixtureOrder(NOW, 'o1', [fixtureParcel(NOW, { orderId: 'o1', scans: SCANS_TO_DEST_CITY })]), NOW, SH)
    expect(view.statusText).toBe('已发货')
    expect(view.chips.map((chip) => [chip.label, chip.tone])).toEqual([['运输中', 'progress']])
    expect(view.latest).toEqual({ text: '快件到达【上海徐汇营业部】', when: '3小时前' })
  })

  it('names each parcel of a split shipment and takes the newest line across them', () => {
    const first = fixtureParcel(NOW, { orderId: 'o1', seq: 1, scans: [...SCANS_TO_DEST_CITY, DELIVERED_SCAN] })
    const second = fixtureParcel(NOW, { orderId: 'o1', seq: 2, trackingNo: 'SF1400000000002' })
    const view = orderCardView(fixtureOrder(NOW, 'o1', [second, first]), NOW, SH)
    expect(view.chips.map((chip) => chip.label)).toEqual(['包裹1 已签收', '包裹2 暂无物流轨迹'])
    expect(view.latest?.text).toBe(DELIVERED_SCAN.text)
  })
})
