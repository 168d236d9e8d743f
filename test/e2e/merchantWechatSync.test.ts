// The merchant's WeChat sync column on the H5 build: an order WeChat took shows 已同步; one WeChat
// refused shows 失败 with WeChat's reason and a 重试 that, once the cause is gone, syncs it.
import type { Browser } from 'playwright-core'
import type { OrderDoc } from '../../core/api'
import { serveH5, type H5Server } from '../../dev/h5/serveH5'
import { ensureFunctionsBuilt } from '../functions/support/buildOnce'
import { waitFor } from '../support/waitFor'
import { launchBrowser } from './browser'
import { MERCHANT, SHOPPER, startMerchantWorld, type MerchantWorld } from './merchantWorld'

let world: MerchantWorld
let h5: H5Server
let browser: Browser
let synced: string
let refused: string

beforeAll(async () => {
  await ensureFunctionsBuilt()
  world = await startMerchantWorld()
  h5 = await serveH5({ cloudUrl: world.cloud.url, envId: world.cloud.envId })
  browser = await launchBrowser()
  synced = await world.placeOrder(SHOPPER)
  refused = await world.placeOrder(SHOPPER)
  await world.cloud.invoke('backfillTracking', { entries: [{ orderId: synced, trackingNo: 'YT1400000009001' }] }, { openid: MERCHANT })
  world.cloud.faults.failOpenApi({ api: 'wxa.sec.order.uploadShippingInfo', errcode: 10060001 })
  await world.cloud.invoke('backfillTracking', { entries: [{ orderId: refused, trackingNo: 'YT1400000009002' }] }, { openid: MERCHANT })
})

afterAll(async () => {
  await browser?.close()
  await h5?.close()
  await world?.cloud.idle()
  await world?.close()
})

test('the sync column shows 已同步 and 失败 with the reason; 重试 syncs the failed order', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  await page.goto(`${h5.url}/#/merchant/pages/wechat-sync/index?as=${MERCHANT}`)
  const row = (orderId: string) => page.locator(`.mc-sync__row[data-order="${orderId}"]`)
  await row(refused).waitFor({ timeout: 20_000 })
  expect(await row(synced).locator('.mc-sync__state').textContent()).toBe('已同步')
  expect(await row(synced).locator('.mc-sync__numbers').textContent()).toBe('YT1400000009001')
  expect(await row(refused).locator('.mc-sync__state').textContent()).toBe('失败')
  expect(await row(refused).locator('.mc-sync__reason').textContent()).toContain('10060001')
  expect(await row(synced).locator('.mc-sync__retry').count()).toBe(0)
  await page.screenshot({ path: 'test-results/merchant-wechat-sync.png' })

  await row(refused).locator('.mc-sync__retry').click()
  await waitFor(
    async () => (await row(refused).locator('.mc-sync__state').textContent()) === '已同步' || undefined,
    'the retried order synced',
    20_000,
  )
  const order = (await world.cloud.db.get('orders', refused)) as unknown as OrderDoc
  expect(order.shippingSync).toMatchObject({ state: 'synced', uploads: 1 })
  expect(
    world.cloud
      .openApiCalls()
      .filter((call) => call.api === 'wxa.sec.order.uploadShippingInfo')
      .map((call) => call.errcode),
  ).toEqual([0, 10060001, 0])
  await context.close()
})
