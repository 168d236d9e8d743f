/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// The shopper's path on the real weapp build against the real functions in a local cloud:
// storefront → checkout (wx.chooseAddress, simulated payment through createOrder) → my orders, the
// tracking page's pull-down refresh answered by refreshTracking's rate limit. (The tab bar's merchant
// check runs in test/e2e/tabBar.test.ts: simulate cannot load Taro's custom-tab-bar component.)
import { existsSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import type { DevCloud, Doc } from '../../dev/cloud'
import type { OrderDoc } from '../../core/api'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import { spawnSync } from 'node:child_process'
import { startTestCloud } from '../support/devcloud'
import { fixtureOrder, fixtureParcel, SCANS_TO_DEST_CITY } from '../../miniprogram/src/testing/trackingFixtures'
import { firePageEvent, mountPage, textOf, unmountPage, waitFor, type Page } from './harness'
import { installWxCloud } from './wxCloudStandIn'
import { installWxSpies } from './wxSpies'

const wxCloud = installWxCloud()
const spies = installWxSpies()
let cloud: DevCloud

beforeAll(async () => {
  // esbuild cannot even load inside jsdom (cross-realm Uint8Array), so missing bundles are built by a child process.
  const functionsRoot = path.resolve(__dirname, '..', '..', 'cloudfunctions')
  const names = readdirSync(functionsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(functionsRoot, entry.name, 'src')))
    .map((entry) => entry.name)
  if (!names.every((name) => existsSync(path.join(functionsRoot, name, 'index.js')))) {
    const build = spawnSync('npm', ['run', '--silent', 'build:functions'], { cwd: path.resolve(functionsRoot, '..'), stdio: 'pipe' })
    if (build.status !== 0) throw new Error(`building the functions failed: ${build.stderr}`)
  }
  // Refreshes here are answered by the rate limit before any vendor is asked; nothing listens on port 9.
  cloud = await startTestCloud({
    logFailures: true,
    functionEnv: {
      TRACKING_VENDOR: 'kdniao',
      KDNIAO_EBUSINESS_ID: '1900001',
      KDNIAO_APP_KEY: '00000000-0000-0000-0000-000000000000',
      KDNIAO_API_URL: 'http://127.0.0.1:9',
      PAYMENT_PROVIDER: 'simulated',
    },
  })
  for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product })
  wxCloud.connect({ url: cloud.url, envId: cloud.envId, openid: 'dev-shopper' })
})
afterAll(async () => {
  await waitFor(() => wxCloud.openWatchers() === 0, 'all watchers closed')
  await cloud?.close()
})

let page: Page | null = null
afterEach(async () => {
  if (page) unmountPage(page)
  page = null
  await waitFor(() => wxCloud.openWatchers() === 0, "the page's watcher to close")
})

test('the storefront lists the catalogue from listProducts, prices in yuan', async () => {
  page = mountPage('pages/index/index')
  await waitFor(() => textOf(page!).includes('明前龙井 250g'), 'the products')
  expect(page.querySelectorAll('.ps-shop__card')).toHaveLength(DEMO_PRODUCTS.length)
  expect(textOf(page)).toContain('¥168.00')
  expect(page.querySelector('.ps-shop__card--sold-out')?.dom.textContent).toContain('已售罄')
})

test('checkout with wx.chooseAddress places a paid order and opens its tracking page; my orders lists it', async () => {
  page = mountPage('pages/checkout/index', { productId: 'prod-ceramic-mug' })
  await waitFor(() => textOf(page!).includes('景德镇手绘马克杯'), 'the product')
  page.querySelector('.ps-checkout__step--plus')!.dispatchEvent('tap')
  await waitFor(() => textOf(page!).includes('微信支付 ¥138.00'), 'the total for two')
  page.querySelector('.ps-checkout__choose')!.dispatchEvent('tap')
  await waitFor(() => textOf(page!).includes('测试收件人'), 'the chosen address')
  page.querySelector('.ps-checkout__pay')!.dispatchEvent('tap')
  await waitFor(() => spies.redirectTo.mock.calls.length > 0, 'the redirect to the order')
  const url = (spies.redirectTo.mock.calls[0]?.[0] as { url: string }).url
  const orderId = /^\/pages\/order\/detail\?id=([A-Za-z0-9_-]+)$/.exec(url)?.[1]
  expect(orderId).toBeDefined()
  const stored = (await cloud.db.get('orders', orderId!)) as unknown as OrderDoc
  expect(stored).toMatchObject({ _openid: 'dev-shopper', status: 'PAID', totalFen: 13800 })
  expect(stored.address.telMasked).toBe('138****5678')
  unmountPage(page)

  page = mountPage('pages/orders/index')
  await waitFor(() => textOf(page!).includes('待发货'), 'the order list')
  const card = page.querySelector('.ps-orders__card')!
  expect(card.dom.textContent).toContain('待发货')
  expect(card.dom.textContent).toContain('商家正在备货')
  expect(card.dom.textContent).toContain('¥138.00')
})

test('pull-down refresh asks refreshTracking and says politely when it is too soon', async () => {
  const now = Date.now()
  const parcel = {
    ...fixtureParcel(now, { orderId: 'order-refresh', scans: SCANS_TO_DEST_CITY }),
    polling: { windowStartedAt: now, queriesInWindow: 1, lastRefreshAt: now },
  }
  await cloud.db.put('parcels', parcel as unknown as Doc)
  await cloud.db.put('orders', fixtureOrder(now, 'order-refresh', [parcel]) as unknown as Doc)
  page = mountPage('pages/order/detail', { id: 'order-refresh' })
  await waitFor(() => textOf(page!).includes('实时更新中'), 'the live page')
  spies.showToast.mockClear()
  spies.stopPullDownRefresh.mockClear()
  firePageEvent(page, 'onPullDownRefresh')
  await waitFor(() => spies.stopPullDownRefresh.mock.calls.length > 0, 'the refresh to end')
  expect(wxCloud.functionCalls.filter((call) => call.name === 'refreshTracking').pop()?.data).toEqual({ parcelId: parcel._id })
  expect((spies.showToast.mock.calls[0]?.[0] as { title: string }).title).toMatch(/^刚刚已为你查询过，请\d+分钟后再试$/)
})
