/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// The orders page's assistant parts in the real weapp build (miniprogram-simulate) against the
// local cloud: 问问我的包裹 answers through askParcel, 连接 AI 助手 issues a token through assistantAccess.
import { existsSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { spawnSync } from 'node:child_process'
import type { CreateOrderResult } from '../../core/api'
import type { DevCloud } from '../../dev/cloud'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import { startTestCloud } from '../support/devcloud'
import { mountPage, textOf, unmountPage, waitFor, type Page } from './harness'
import { installWxCloud } from './wxCloudStandIn'
import { installWxSpies } from './wxSpies'

const wxCloud = installWxCloud()
installWxSpies()
let cloud: DevCloud
let page: Page | null = null

beforeAll(async () => {
  const functionsRoot = path.resolve(__dirname, '..', '..', 'cloudfunctions')
  const names = readdirSync(functionsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(functionsRoot, entry.name, 'src')))
    .map((entry) => entry.name)
  if (!names.every((name) => existsSync(path.join(functionsRoot, name, 'index.js')))) {
    const build = spawnSync('npm', ['run', '--silent', 'build:functions'], { cwd: path.resolve(functionsRoot, '..'), stdio: 'pipe' })
    if (build.status !== 0) throw new Error(`building the functions failed: ${build.stderr}`)
  }
  cloud = await startTestCloud({
    logFailures: true,
    functionEnv: { PAYMENT_PROVIDER: 'simulated', TRACKING_PUSH_BASE_URL: 'http://127.0.0.1:8787' },
  })
  for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product })
  const placed = await cloud.invoke<CreateOrderResult>(
    'createOrder',
    {
      items: [{ productId: 'prod-bamboo-cutting-board', quantity: 1 }],
      address: {
        userName: '测试',
        telNumber: '13800005678',
        provinceName: '北京市',
        cityName: '北京市',
        countyName: '朝阳区',
        detailInfo: '望京街道 1 号',
        postalCode: '100102',
      },
    },
    { openid: 'dev-shopper' },
  )
  if (!placed.ok) throw new Error(placed.message)
  wxCloud.connect({ url: cloud.url, envId: cloud.envId, openid: 'dev-shopper' })
})
afterAll(async () => {
  if (page) unmountPage(page)
  await cloud?.close()
})

const one = (target: Page, selector: string) => {
  const found = target.querySelector(selector)
  if (!found) throw new Error(`no ${selector}`)
  return found
}

test('问问我的包裹 answers from the shopper’s order; 连接 AI 助手 issues a token shown once', async () => {
  page = mountPage('pages/orders/index')
  await waitFor(() => page !== null && textOf(page).includes('问问我的包裹'), 'the question box')
  one(page, '.ps-ask__input').dispatchEvent('input', { detail: { value: '我刚买的竹制砧板到哪了？' } })
  await waitFor(() => page !== null && page.querySelector('.ps-ask__send') !== null, 'the send button')
  one(page, '.ps-ask__send').dispatchEvent('tap')
  await waitFor(() => page !== null && textOf(page).includes('还没有发货'), 'the answer')
  expect(textOf(page)).toContain('竹制砧板')

  one(page, '.ps-orders__connect').dispatchEvent('tap')
  await waitFor(() => page !== null && textOf(page).includes('http://127.0.0.1:8787/mcp'), 'the MCP URL')
  one(page, '.ps-assistant__issue').dispatchEvent('tap')
  await waitFor(
    () => page !== null && /[A-Za-z0-9_-]{43}/.test(textOf(page)) && page.querySelectorAll('.ps-assistant__token-row').length === 1,
    'the token and its row',
  )
  expect(textOf(page)).toContain('令牌（只显示这一次）')
  expect(await cloud.db.count('assistantTokens', { openid: 'dev-shopper', revoked: false })).toBe(1)
})
