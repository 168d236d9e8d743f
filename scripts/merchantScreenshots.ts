// Screenshots of the merchant console (docs/screenshots/merchant-*.png): the desktop web console at
// 1440×900 and the phone at 390×844 @2x, on the H5 build, against a local cloud running the real
// functions with the sandbox aggregators, seeded with a busy day's documents
// (miniprogram/src/merchant/testing/merchantFixtures.ts). The batch and ship shots go through the
// real backfillTracking, so what they show is what the pipeline wrote.
import * as path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { BackfillTrackingResult } from '../core/api'
import { startSandbox } from '../dev/aggregators'
import { startDevCloud, type DevCloud, type Doc } from '../dev/cloud'
import { serveH5 } from '../dev/h5/serveH5'
import { demoMerchants } from '../dev/seed/merchants'
import { DEMO_PRODUCTS } from '../dev/seed/products'
import { localFunctionEnv } from '../dev/start/functionEnv'
import {
  demoDeliveredParcels,
  demoId,
  demoTroubledParcels,
  demoWaitingOrders,
  MERCHANT_ITEMS,
  waitingOrder,
} from '../miniprogram/src/merchant/testing/merchantFixtures'
import { launchBrowser } from '../test/e2e/browser'
import { nth } from '../test/support/nth'

const MERCHANT = 'dev-merchant'
const DESKTOP = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 }
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }

interface ShotContext {
  page: Page
  cloud: DevCloud
  orders: string[]
}

interface MerchantShot {
  name: string
  device: typeof DESKTOP
  route: (orders: string[]) => string
  /** Waits for the page's steady state and does what the merchant would (type, paste, click). */
  act(context: ShotContext): Promise<void>
}

const BATCH_NUMBERS = [
  'SF1400000000771',
  'YT1400000000772',
  '123456789012',
  'ABC',
  '78912345678901',
  'YT1400000000772',
  'JT1400000000777',
  '12345678',
]

async function pasteBatch({ page, orders }: ShotContext): Promise<void> {
  await page
    .locator('.mc-batch__textarea textarea')
    .fill(['订单号,运单号,快递公司', ...BATCH_NUMBERS.map((trackingNo, index) => `${orders[index]},${trackingNo}`)].join('\n'))
  await page.getByText('预览校验').click()
  await page.locator('.mc-batch-preview__row').first().waitFor()
}

const SHOTS: MerchantShot[] = [
  {
    name: 'merchant-overview',
    device: DESKTOP,
    route: () => 'merchant/pages/index/index',
    act: async ({ page }) => {
      await page.locator('.mc-home__line').first().waitFor()
    },
  },
  {
    name: 'merchant-to-ship',
    device: DESKTOP,
    route: () => 'merchant/pages/to-ship/index',
    act: async ({ page }) => {
      await page.locator('.mc-to-ship__row').first().waitFor()
    },
  },
  {
    name: 'merchant-exceptions',
    device: DESKTOP,
    route: () => 'merchant/pages/exceptions/index',
    act: async ({ page }) => {
      await page.locator('.mc-exception').first().waitFor()
    },
  },
  {
    name: 'merchant-performance',
    device: DESKTOP,
    route: () => 'merchant/pages/performance/index',
    act: async ({ page }) => {
      await page.locator('.mc-performance__row').first().waitFor()
    },
  },
  { name: 'merchant-batch-preview', device: DESKTOP, route: () => 'merchant/pages/batch/index', act: pasteBatch },
  {
    name: 'merchant-batch-phone',
    device: PHONE,
    route: () => 'merchant/pages/batch/index',
    act: async (context) => {
      await pasteBatch(context)
      await context.page.locator('.mc-batch__preview').scrollIntoViewIfNeeded()
    },
  },
  {
    name: 'merchant-batch-report',
    device: DESKTOP,
    route: () => 'merchant/pages/batch/index',
    act: async (context) => {
      await pasteBatch(context)
      await context.page.locator('.mc-batch-preview__choice', { hasText: '顺丰速运' }).first().click()
      await context.page.locator('.mc-batch__submit').click()
      await context.page.locator('.mc-batch-report__row').first().waitFor({ timeout: 30_000 })
    },
  },
  {
    name: 'merchant-ship',
    device: DESKTOP,
    route: (orders) => `merchant/pages/ship/index?orderId=${orders[8]}`,
    act: async ({ page }) => {
      await page.locator('.mc-parcel-row').first().waitFor()
      await page.locator('.mc-number-field__input input').fill('sf 1400 0000 00931')
      await page.getByText('已识别：顺丰速运').waitFor()
    },
  },
  {
    name: 'merchant-ship-phone',
    device: PHONE,
    route: (orders) => `merchant/pages/ship/index?orderId=${orders[8]}`,
    act: async ({ page }) => {
      await page.locator('.mc-parcel-row').first().waitFor()
      await page.locator('.mc-number-field__input input').fill('123456789012')
      await page.locator('.mc-carrier-chooser__chip').first().waitFor()
      await page.locator('.mc-ship__form').scrollIntoViewIfNeeded()
    },
  },
]

/** A split shipment with a correction, through the real function: parcel 1 (the mugs), and parcel 2
 * first typed as YTO, then corrected to the ZTO waybill it was. */
async function shippedInTwo(cloud: DevCloud, orderId: string): Promise<void> {
  const backfill = async (entries: object[]) => {
    const result = await cloud.invoke<BackfillTrackingResult>('backfillTracking', { entries }, { openid: MERCHANT })
    if (!result.ok || result.results.some((entry) => !entry.ok)) throw new Error(`backfill failed: ${JSON.stringify(result)}`)
  }
  await backfill([
    { orderId, trackingNo: 'YT1400000000921', carrier: 'YTO', items: [{ productId: nth(MERCHANT_ITEMS, 1).productId, quantity: 2 }] },
  ])
  await backfill([
    { orderId, trackingNo: 'YT1400000000922', carrier: 'YTO', items: [{ productId: nth(MERCHANT_ITEMS, 0).productId, quantity: 1 }] },
  ])
  await backfill([
    {
      orderId,
      trackingNo: '78912345678922',
      carrier: 'ZTO',
      items: [{ productId: nth(MERCHANT_ITEMS, 0).productId, quantity: 1 }],
      replaces: 'YTO:YT1400000000922',
    },
  ])
}

async function shoot(browser: Browser, shot: MerchantShot, base: string, cloud: DevCloud, orders: string[], outDir: string): Promise<void> {
  const context = await browser.newContext(shot.device)
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const route = shot.route(orders)
  await page.goto(`${base}/#/${route}${route.includes('?') ? '&' : '?'}as=${MERCHANT}`)
  await shot.act({ page, cloud, orders })
  // Let the last answer render and a toast fade before the picture.
  await page.waitForTimeout(1800)
  const file = path.join(outDir, `${shot.name}.png`)
  await page.screenshot({ path: file })
  if (pageErrors.length > 0) throw new Error(`${shot.name}: page errors ${pageErrors.join('; ')}`)
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
  await context.close()
}

export async function merchantScreenshots(outDir: string): Promise<void> {
  const sandbox = await startSandbox()
  const cloud = await startDevCloud({
    envId: 'dev-merchant-screenshots',
    functionEnv: localFunctionEnv({ vendor: 'kdniao', sandboxUrl: sandbox.url, cloudUrl: 'http://127.0.0.1:1' }),
  })
  const h5 = await serveH5({ cloudUrl: cloud.url, envId: cloud.envId })
  const browser = await launchBrowser()
  try {
    const now = Date.now()
    for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product })
    for (const merchant of demoMerchants(undefined)) await cloud.db.put('merchants', { ...merchant })
    const waiting = demoWaitingOrders(now)
    // The ship shots' order: a tea and two mugs, paid this morning, shipped in two parcels.
    const split = waitingOrder(now, {
      orderId: demoId('split'),
      userName: '周婷',
      telMasked: '139****6021',
      province: '上海市',
      city: '上海市',
      paidHoursAgo: 7,
      items: MERCHANT_ITEMS,
    })
    for (const order of [...waiting, split]) await cloud.db.put('orders', order as unknown as Doc)
    for (const parcel of [...demoTroubledParcels(now), ...demoDeliveredParcels(now)])
      await cloud.db.put('parcels', parcel as unknown as Doc)
    await shippedInTwo(cloud, split._id)
    const orders = [...waiting.map((order) => order._id), split._id]
    for (const shot of SHOTS) await shoot(browser, shot, h5.url, cloud, orders, outDir)
  } finally {
    await browser.close()
    await h5.close()
    await cloud.close()
    await sandbox.close()
  }
}
