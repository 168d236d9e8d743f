import { DELIVERED_SCAN, fixtureParcel, OUT_FOR_DELIVERY_SCAN, SCANS_TO_DEST_CITY } from '../../testing/trackingFixtures'
import { statusHeaderView } from './statusHeaderView'

const SH = 'Asia/Shanghai'
const NOW = Date.parse('2026-03-01T02:00:00Z') // 10:00 in Shanghai
const HOUR = 3_600_000

describe('statusHeaderView', () => {
  it.each([
    [
      'in transit at the destination city',
      SCANS_TO_DEST_CITY,
      { tone: 'progress', icon: 'truck', title: '运输中', detail: '到达派件城市', latestTime: '今天 07:00', updated: '3小时前更新' },
    ],
    [
      'out for delivery',
      [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN],
      { tone: 'progress', icon: 'courier', title: '派送中', detail: null, updated: '40分钟前更新' },
    ],
    [
      'delivered',
      [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN, DELIVERED_SCAN],
      { tone: 'success', icon: 'check', title: '已签收', detail: '本人签收', updated: '8分钟前更新' },
    ],
    ['shipped but not scanned yet', [], { tone: 'muted', icon: 'box', title: '已发货，等待快递揽收', latestText: null, updated: null }],
  ])('%s', (_case, scans, expected) => {
    const view = statusHeaderView(fixtureParcel(NOW, { orderId: 'o1', scans }), NOW, SH)
    expect(view).toMatchObject(expected)
  })

  it('shows the latest event text', () => {
    const view = statusHeaderView(fixtureParcel(NOW, { orderId: 'o1', scans: SCANS_TO_DEST_CITY }), NOW, SH)
    expect(view.latestText).toBe('快件到达【上海徐汇营业部】')
  })

  it.each([
    ['tomorrow', 20, '预计明天送达'],
    ['later today', 3, '预计今天送达'],
    ['earlier today but not yet delivered', -2, '预计今天送达'],
    ['a day already past', -30, null],
  ])('ETA %s', (_case, etaInHours, expected) => {
    const view = statusHeaderView(fixtureParcel(NOW, { orderId: 'o1', scans: SCANS_TO_DEST_CITY, etaInHours }), NOW, SH)
    expect(view.eta).toBe(expected)
  })

  it('drops the ETA once delivered', () => {
    const parcel = fixtureParcel(NOW, { orderId: 'o1', scans: [...SCANS_TO_DEST_CITY, DELIVERED_SCAN], etaInHours: 2 })
    expect(statusHeaderView(parcel, NOW, SH).eta).toBeNull()
  })

  it('counts "updated" from the newest scan', () => {
    const parcel = fixtureParcel(NOW, { orderId: 'o1', scans: SCANS_TO_DEST_CITY })
    expect(statusHeaderView(parcel, NOW + 2 * HOUR, SH).updated).toBe('5小时前更新')
  })
})
