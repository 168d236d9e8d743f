import { MERCHANT_TAB, SHOPPER_TABS, visibleTabs } from './tabs'

describe('visibleTabs', () => {
  it('shows shoppers only 商城 and 我的订单', () => {
    expect(visibleTabs(false).map((tab) => tab.text)).toEqual(['商城', '我的订单'])
  })

  it('adds 商家 for merchants, opened by navigateTo into the merchant subpackage', () => {
    expect(visibleTabs(true).map((tab) => tab.text)).toEqual(['商城', '我的订单', '商家'])
    expect(MERCHANT_TAB).toMatchObject({ pagePath: 'merchant/pages/index/index', open: 'navigateTo' })
  })

  it('keeps every shopper tab a main-package tabBar page', () => {
    for (const tab of SHOPPER_TABS) {
      expect(tab.pagePath.startsWith('pages/')).toBe(true)
      expect(tab.open).toBe('switchTab')
    }
  })
})
