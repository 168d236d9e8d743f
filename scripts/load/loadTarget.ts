// What a devcloud needs to take a push load: a product with stock enough for every load order, and a
// function environment where nothing but the load touches the parcels — no vendor to subscribe at
// (a closed port), no inline subscribing, so the only writers are the pushes under test.
import { DEV_KDNIAO } from '../../dev/aggregators'
import { DEV_SUBSCRIBE_TEMPLATES } from '../../dev/start/devSubscribeTemplates'

export const LOAD_PRODUCT = {
  _id: 'prod-load',
  title: '压测商品',
  priceFen: 100,
  image: '/assets/products/load.png',
  stock: 1_000_000,
  description: 'load test',
  createdAt: 0,
}

export const LOAD_SHOPPER = 'load-shopper'
export const LOAD_MERCHANT = 'dev-merchant'

export function loadFunctionEnv(): Record<string, string> {
  return {
    TRACKING_VENDOR: 'kdniao',
    KDNIAO_EBUSINESS_ID: DEV_KDNIAO.eBusinessId,
    KDNIAO_APP_KEY: DEV_KDNIAO.appKey,
    // Port 9 (discard) is closed here: a subscription attempt would fail, and none is made.
    KDNIAO_API_URL: 'http://127.0.0.1:9',
    SUBSCRIBE_INLINE_BUDGET_MS: '0',
    PAYMENT_PROVIDER: 'simulated',
    SUBSCRIBE_TEMPLATES: JSON.stringify(DEV_SUBSCRIBE_TEMPLATES),
  }
}
