import { exceptionItems } from '../testing/merchantFixtures'
import { exceptionCounts, exceptionRow, filterExceptions } from './exceptionView'
import { nth } from '../../../../test/support/nth'

const NOW = Date.parse('2026-03-01T02:00:00Z')

describe('exceptionRow', () => {
  it.each([
    [
      0,
      {
        kindLabel: '超48小时无更新',
        tone: 'warning',
        statusText: '运输中',
        ageText: '3天无新动态',
        carrierName: '中通快递',
        lastEventText: '快件已发往【杭州转运中心】',
        lastEventWhere: '金华市',
      },
    ],
    [1, { kindLabel: '派送失败', tone: 'danger', ageText: '5小时无新动态', carrierName: '顺丰速运' }],
    [2, { kindLabel: '退回中', tone: 'warning' }],
    [3, { kindLabel: '异常件', tone: 'danger' }],
    [4, { kindLabel: '超48小时无更新', lastEventText: '暂无物流轨迹', lastEventWhere: null, ageText: '2天无新动态' }],
  ])('item %d', (index, expected) => {
    expect(exceptionRow(nth(exceptionItems(NOW), index))).toMatchObject(expected)
  })
})

describe('exception filters', () => {
  it('counts each kind and filters by it', () => {
    const items = exceptionItems(NOW)
    expect(exceptionCounts(items)).toEqual({ all: 5, stuck: 2, exception: 1, delivery_failed: 1, returning: 1 })
    expect(filterExceptions(items, 'stuck').map((item) => item.orderId)).toEqual(['ORD-1002', 'ORD-1006'])
    expect(filterExceptions(items, 'all')).toHaveLength(5)
  })
})
