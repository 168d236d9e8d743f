// The tabs. Shopper tabs are tabBar pages (main package). The 商家 tab is shown only to merchants
// and opens the merchant subpackage with navigateTo: tab pages must live in the main package
// (reference/wechat.md §8), and merchant code must not ship to shoppers up front (DESIGN §3.6).
// The merchant console is the `merchant` subpackage declared in app.config.ts; its entry page is
// `merchant/pages/index/index`, which this tab opens.
import { t } from '../../i18n/zh-CN'

export interface TabItem {
  key: 'shop' | 'orders' | 'merchant'
  pagePath: string
  text: string
  /** How the tab is opened: tabBar pages switch, the merchant console is pushed. */
  open: 'switchTab' | 'navigateTo'
}

export const SHOPPER_TABS: readonly TabItem[] = [
  { key: 'shop', pagePath: 'pages/index/index', text: t.tabs.shop, open: 'switchTab' },
  { key: 'orders', pagePath: 'pages/orders/index', text: t.tabs.orders, open: 'switchTab' },
]

export const MERCHANT_TAB: TabItem = { key: 'merchant', pagePath: 'merchant/pages/index/index', text: t.tabs.merchant, open: 'navigateTo' }

export function visibleTabs(merchant: boolean): TabItem[] {
  return merchant ? [...SHOPPER_TABS, MERCHANT_TAB] : [...SHOPPER_TABS]
}
