// Screenshots of the tracking page in each state (and of the storefront and my orders), for the
// README and for design review:
// Chromium (Debian's) on the H5 build, 375×740 @2x, against a local cloud seeded with documents
// typed by core/api. Run `npm run build:h5` first, then `npx tsx scripts/screenshots.ts`.
// Writes docs/screenshots/<state>.png; the merchant console's go to docs/screenshots/merchant-*.png
// (`npx tsx scripts/screenshots.ts merchant` takes only those).
import { mkdirSync } from 'node:fs'
import * as path from 'node:path'
import { startDevCloud, type Doc } from '../dev/cloud'
import { DEMO_PRODUCTS } from '../dev/seed/products'
import { serveH5 } from '../dev/h5/serveH5'
import type { ParcelDoc } from '../core/api'
import {
  DELIVERED_SCAN,
  FAILED_DELIVERY_SCAN,
  fixtureOrder,
  fixtureParcel,
  OUT_FOR_DELIVERY_SCAN,
  SCANS_TO_DEST_CITY,
} from '../miniprogram/src/testing/trackingFixtures'
import { launchBrowser, openPhonePage } from '../test/e2e/browser'
import { merchantScreenshots } from './merchantScreenshots'

const OUT_DIR = path.resolve(__dirname, '..', 'docs', 'screenshots')
const SHOPPER = 'dev-shopper'

interface Shot {
  name: string
  orderId: string
  /** Another page than the order's tracking page (its products/orders come from the real functions). */
  route?: string
  parcels: (now: number) => ParcelDoc[]
  /** Text that shows the state has rendered. */
  ready: string
  /** Hold the cloud's answers back to catch the loading skeleton. */
  holdReads?: boolean
}

const SHOTS: Shot[] = [
  {
    name: 'loading',
    orderId: 'shot-loading',
    parcels: (now) => [fixtureParcel(now, { orderId: 'shot-loading', scans: SCANS_TO_DEST_CITY })],
    ready: '',
    holdReads: true,
  },
  { name: 'not-shipped', orderId: 'shot-paid', parcels: () => [], ready: '商家正在备货' },
  {
    name: 'in-transit',
    orderId: 'shot-transit',
    ready: '派送中',
    parcels: (now) => [
      fixtureParcel(now, {
        orderId: 'shot-transit',
        scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN],
        etaInHours: 3,
        items: [
          { productId: 'prod-longjing-tea', title: '明前龙井 250g', quantity: 1 },
          { productId: 'prod-ceramic-mug', title: '景德镇手绘马克杯', quantity: 2 },
        ],
      }),
    ],
  },
  {
    name: 'delivered',
    orderId: 'shot-delivered',
    ready: '已签收',
    parcels: (now) => [
      fixtureParcel(now, { orderId: 'shot-delivered', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN, DELIVERED_SCAN] }),
    ],
  },
  {
    name: 'exception',
    orderId: 'shot-exception',
    ready: '快递员联系不上你',
    parcels: (now) => [
      fixtureParcel(now, { orderId: 'shot-exception', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN, FAILED_DELIVERY_SCAN] }),
    ],
  },
  {
    name: 'two-parcels',
    orderId: 'shot-split',
    ready: '包裹2',
    parcels: (now) => [
      fixtureParcel(now, {
        orderId: 'shot-split',
        seq: 1,
        scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN],
        etaInHours: 2,
        items: [{ productId: 'prod-longjing-tea', title: '明前龙井 250g', quantity: 1 }],
      }),
      fixtureParcel(now, {
        orderId: 'shot-split',
        seq: 2,
        carrier: 'ZTO',
        trackingNo: '78912345678901',
        scans: SCANS_TO_DEST_CITY.slice(0, 3),
        etaInHours: 26,
        items: [{ productId: 'prod-ceramic-mug', title: '景德镇手绘马克杯', quantity: 2 }],
      }),
    ],
  },
  { name: 'storefront', orderId: 'shot-none', parcels: () => [], ready: '明前龙井', route: 'pages/index/index' },
  { name: 'my-orders', orderId: 'shot-none', parcels: () => [], ready: '包裹2', route: 'pages/orders/index' },
]

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true })
  if (process.argv.includes('merchant')) return merchantScreenshots(OUT_DIR)
  const cloud = await startDevCloud({ envId: 'dev-screenshots' })
  const h5 = await serveH5({ cloudUrl: cloud.url, envId: cloud.envId })
  const browser = await launchBrowser()
  try {
    const now = Date.now()
    for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product })
    for (const shot of SHOTS.filter((candidate) => !candidate.route)) {
      const parcels = shot.parcels(now)
      for (const parcel of parcels) await cloud.db.put('parcels', parcel as unknown as Doc)
      await cloud.db.put('orders', fixtureOrder(now, shot.orderId, parcels) as unknown as Doc)
    }
    for (const shot of SHOTS) {
      const { page, pageErrors } = await openPhonePage(browser)
      if (shot.holdReads) await page.route(`${cloud.url}/**`, () => undefined)
      await page.goto(
        shot.route ? `${h5.url}/#/${shot.route}?as=${SHOPPER}` : `${h5.url}/#/pages/order/detail?id=${shot.orderId}&as=${SHOPPER}`,
      )
      if (shot.holdReads) await page.locator('.ps-skeleton').waitFor()
      else await page.locator('.ps-page', { hasText: shot.ready }).waitFor()
      // Let the watch go live so the freshness line shows its steady state.
      if (!shot.holdReads && !shot.route) await page.getByText('实时更新中').waitFor({ timeout: 10_000 })
      const file = path.join(OUT_DIR, `${shot.name}.png`)
      await page.screenshot({ path: file, fullPage: false })
      if (pageErrors.length > 0) throw new Error(`${shot.name}: page errors ${pageErrors.join('; ')}`)
      console.log(`wrote ${path.relative(process.cwd(), file)}`)
      await page.context().close()
    }
  } finally {
    await browser.close()
    await h5.close()
    await cloud.close()
  }
  await merchantScreenshots(OUT_DIR)
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
