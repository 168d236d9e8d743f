// The tab bar asks merchantConsole {action:'session'} once and shows 商家 only to merchants; on H5
// the tab pages draw it themselves (Taro's H5 router skips `tabBar.custom`).
import type { Browser } from 'playwright-core'
import { existsSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { startDevCloud, type DevCloud } from '../../dev/cloud'
import { serveH5, type H5Server } from '../../dev/h5/serveH5'
import { demoMerchants } from '../../dev/seed/merchants'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import { buildFunctions, FUNCTIONS_ROOT } from '../../scripts/buildFunctions'
import { testEnvId } from '../support/devcloud'
import { launchBrowser, openPhonePage } from './browser'

let cloud: DevCloud
let h5: H5Server
let browser: Browser

beforeAll(async () => {
  const names = readdirSync(FUNCTIONS_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(FUNCTIONS_ROOT, entry.name, 'src')))
    .map((entry) => entry.name)
  if (!names.every((name) => existsSync(path.join(FUNCTIONS_ROOT, name, 'index.js')))) await buildFunctions()
  cloud = await startDevCloud({ envId: testEnvId() })
  for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product })
  for (const merchant of demoMerchants(undefined)) await cloud.db.put('merchants', { ...merchant })
  h5 = await serveH5({ cloudUrl: cloud.url, envId: cloud.envId })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await h5?.close()
  await cloud?.close()
})

async function tabsAs(openid: string): Promise<string[]> {
  const { page, pageErrors } = await openPhonePage(browser)
  // The first function call may wait for a cold start on a busy machine: generous, still bounded.
  const session = page.waitForResponse((response) => response.request().postData()?.includes('merchantConsole') ?? false, {
    timeout: 60_000,
  })
  await page.goto(`${h5.url}/#/pages/index/index?as=${openid}`)
  await page.locator('.ps-tab-bar__item', { hasText: '我的订单' }).waitFor()
  expect((await session).ok()).toBe(true)
  // The answer renders on the next React commit.
  await page.waitForTimeout(300)
  const tabs = await page.locator('.ps-tab-bar__item').allTextContents()
  expect(pageErrors).toEqual([])
  await page.context().close()
  return tabs
}

test('a shopper sees 商城 and 我的订单', async () => {
  expect(await tabsAs('dev-shopper')).toEqual(['商城', '我的订单'])
})

test('a merchant also sees 商家', async () => {
  expect(await tabsAs('dev-merchant')).toEqual(['商城', '我的订单', '商家'])
})
