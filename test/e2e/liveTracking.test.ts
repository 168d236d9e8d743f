// The live order page end to end: the H5 build in Chromium, the real functions in the local cloud,
// the Kdniao sandbox on a manual clock. A courier scan in the sandbox becomes a signed push over HTTP,
// the real receiveTrackingPush function merges it into the parcel, and the open page shows it at the
// top of the timeline through its realtime watch — with no reload.
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import type { Browser } from 'playwright-core'
import type { BackfillTrackingResult, CreateOrderResult, ParcelDoc } from '../../core/api'
import { createManualClock, DEV_KDNIAO, startSandbox, type ManualClock, type Sandbox } from '../../dev/aggregators'
import { startDevCloud, type DevCloud } from '../../dev/cloud'
import { serveH5, type H5Server } from '../../dev/h5/serveH5'
import { demoMerchants } from '../../dev/seed/merchants'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import { buildFunctions, FUNCTIONS_ROOT, listFunctions } from '../../scripts/buildFunctions'
import { testEnvId } from '../support/devcloud'
import { waitFor } from '../support/waitFor'
import { launchBrowser, openPhonePage } from './browser'

const SHOPPER = 'dev-shopper'
const MERCHANT = 'dev-merchant'
const TRACKING_NO = 'SF1400000000771'
const MINUTE = 60_000
/** A made-up receiver: the phone is masked before it is stored. */
const ADDRESS = {
  userName: '测试收件人',
  telNumber: '13800005678',
  provinceName: '北京市',
  cityName: '北京市',
  countyName: '朝阳区',
  detailInfo: '望京街道 1 号',
  postalCode: '100102',
}

let clock: ManualClock
let sandbox: Sandbox
let cloud: DevCloud
let h5: H5Server
let browser: Browser

beforeAll(async () => {
  if (!listFunctions().every((name) => existsSync(path.join(FUNCTIONS_ROOT, name, 'index.js')))) await buildFunctions()
  // Scenario time starts six hours ago and moves only by hand (310 minutes in this test), so every
  // scan is in the page's past and reads naturally ("3小时前"), whatever the hour the test runs.
  clock = createManualClock({ startAt: Date.now() - 6 * 60 * MINUTE, ioWaitMs: 15_000 })
  sandbox = await startSandbox({ clock, kdniao: { ...DEV_KDNIAO, qps: 1000 } })
  cloud = await startDevCloud({
    envId: testEnvId(),
    functionEnv: {
      TRACKING_VENDOR: 'kdniao',
      KDNIAO_EBUSINESS_ID: DEV_KDNIAO.eBusinessId,
      KDNIAO_APP_KEY: DEV_KDNIAO.appKey,
      KDNIAO_API_URL: sandbox.url,
      PAYMENT_PROVIDER: 'simulated',
    },
  })
  sandbox.setKdniaoPushUrl(`${cloud.url}/tracking/push/kdniao`)
  for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product })
  for (const merchant of demoMerchants(undefined)) await cloud.db.put('merchants', { ...merchant })
  h5 = await serveH5({ cloudUrl: cloud.url, envId: cloud.envId })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await h5?.close()
  await sandbox?.close()
  await cloud?.close()
})

async function parcel(): Promise<ParcelDoc> {
  return (await cloud.db.get('parcels', `SF:${TRACKING_NO}`)) as unknown as ParcelDoc
}

test('a courier scan pushed by the aggregator appears at the top of the open page without a reload', async () => {
  const placed = await cloud.invoke<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-longjing-tea', quantity: 1 }], address: ADDRESS },
    { openid: SHOPPER },
  )
  if (!placed.ok) throw new Error(`createOrder: ${placed.message}`)
  sandbox.assignScenario(TRACKING_NO, 'sf-normal')
  const backfilled = await cloud.invoke<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: placed.orderId, trackingNo: TRACKING_NO }] },
    { openid: MERCHANT },
  )
  expect(backfilled).toMatchObject({ ok: true, results: [{ ok: true, parcelId: `SF:${TRACKING_NO}`, subscription: 'subscribed' }] })

  // sf-normal: picked up at minute 20, departed at 120, at the hub at 300.
  await clock.advance(130 * MINUTE)
  await cloud.idle()
  await waitFor(async () => (await parcel()).events.length === 2 || undefined, 'the first two scans stored')

  const { page, pageErrors } = await openPhonePage(browser)
  let navigations = 0
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1
  })
  await page.goto(`${h5.url}/#/pages/order/detail?id=${placed.orderId}&as=${SHOPPER}`)
  const rows = page.locator('.ps-timeline__text')
  // The DOM is oldest first and shown newest first (Timeline.tsx); the top of the screen is the last row.
  const top = page.locator('.ps-timeline__row--latest .ps-timeline__text')
  await waitFor(async () => (await rows.count()) === 2 || undefined, 'two scans on the page', 20_000)
  await page.getByText('实时更新中').waitFor({ timeout: 20_000 })
  const before = (await parcel())?.events[0]?.text
  expect(await top.textContent()).toBe(before)
  const navigationsBefore = navigations

  await clock.advance(180 * MINUTE)
  await cloud.idle()
  const stored = await parcel()
  expect(stored.events).toHaveLength(3)
  const pushed = stored.events[0]?.text
  expect(pushed).not.toBe(before)

  await waitFor(async () => (await top.textContent()) === pushed || undefined, 'the pushed scan at the top', 20_000)
  expect(await rows.count()).toBe(3)
  expect(await rows.last().textContent()).toBe(pushed)
  // Shown at the top: the newest row is drawn above the older ones.
  const [newestBox, olderBox] = await Promise.all([top.boundingBox(), rows.first().boundingBox()])
  expect(newestBox!.y).toBeLessThan(olderBox!.y)
  expect(navigations).toBe(navigationsBefore)
  // The push went through the aggregator's signed HTTP delivery, not a shortcut.
  expect(sandbox.deliveries().filter((delivery) => delivery.vendor === 'kdniao' && delivery.ackOk).length).toBeGreaterThanOrEqual(2)
  expect(pageErrors).toEqual([])
  await page.screenshot({ path: path.join(__dirname, '..', '..', 'test-results', 'e2e-live-tracking.png') })
  await page.context().close()
})
