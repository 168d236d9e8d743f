// The console's sections, in nav order. Sibling sections replace each other (redirectTo) so the page
// stack stays one deep under the shopper tab that opened the console (weapp allows 10 levels).
import { m } from '../../strings'

export const SECTIONS = [
  { key: 'home', path: '/merchant/pages/index/index', text: m.nav.home },
  { key: 'toShip', path: '/merchant/pages/to-ship/index', text: m.nav.toShip },
  { key: 'batch', path: '/merchant/pages/batch/index', text: m.nav.batch },
  { key: 'exceptions', path: '/merchant/pages/exceptions/index', text: m.nav.exceptions },
  { key: 'performance', path: '/merchant/pages/performance/index', text: m.nav.performance },
  { key: 'wechatSync', path: '/merchant/pages/wechat-sync/index', text: m.nav.wechatSync },
] as const

export type SectionKey = (typeof SECTIONS)[number]['key'] | 'ship'

export const SHIP_PAGE = '/merchant/pages/ship/index'

export const shipPageUrl = (orderId: string) => `${SHIP_PAGE}?orderId=${encodeURIComponent(orderId)}`
