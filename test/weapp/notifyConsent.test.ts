/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// The consent flow on the real weapp build: the order page reads the shopper's subscription setting,
// asks at most 3 templates from the tap, records the answers as credits through notificationConsent,
// and says what happened; with WeChat's master switch off it asks nothing.
import type { DevCloud, Doc } from '../../dev/cloud'
import { DEV_SUBSCRIBE_TEMPLATES } from '../../dev/start/devSubscribeTemplates'
import { fixtureOrder, fixtureParcel, SCANS_TO_DEST_CITY } from '../../miniprogram/src/testing/trackingFixtures'
import { startTestCloud } from '../support/devcloud'
import { mountPage, textOf, unmountPage, waitFor, type Page } from './harness'
import { installWxCloud } from './wxCloudStandIn'
import { installWxSpies } from './wxSpies'

const wxCloud = installWxCloud()
installWxSpies()
const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
type Callback = { success?: (result: unknown) => void; complete?: (result: unknown) => void }
let subscriptionsSetting: Record<string, unknown> = { mainSwitch: true }
const getSetting = jest.fn((options: Callback = {}) => {
  const result = { errMsg: 'getSetting:ok', authSetting: {}, subscriptionsSetting }
  options.success?.(result)
  options.complete?.(result)
})
// The shopper accepts the first template offered and rejects the rest.
const requestSubscribeMessage = jest.fn((options: Callback & { tmplIds: string[] }) => {
  const result = {
    errMsg: 'requestSubscribeMessage:ok',
    ...Object.fromEntries(options.tmplIds.map((id, index) => [id, index === 0 ? 'accept' : 'reject'])),
  }
  options.success?.(result)
  options.complete?.(result)
})
Object.assign(wx, { getSetting, requestSubscribeMessage })

const OPENID = 'dev-shopper'
let cloud: DevCloud
const now = Date.now()

beforeAll(async () => {
  cloud = await startTestCloud({ functionEnv: { SUBSCRIBE_TEMPLATES: JSON.stringify(DEV_SUBSCRIBE_TEMPLATES) } })
  wxCloud.connect({ url: cloud.url, envId: cloud.envId, openid: OPENID })
})
afterAll(async () => {
  await waitFor(() => wxCloud.openWatchers() === 0, 'all watchers closed')
  await cloud?.idle()
  await cloud?.close()
})

let page: Page | null = null
afterEach(async () => {
  if (page) unmountPage(page)
  page = null
  await waitFor(() => wxCloud.openWatchers() === 0, "the page's watcher to close")
  requestSubscribeMessage.mockClear()
})

const button = (target: Page) => target.querySelector('.ps-notify-consent__button') ?? undefined

test('on an undelivered order the tap asks for what is ahead (≤ 3) and records the credit', async () => {
  const parcel = fixtureParcel(now, { orderId: 'order-consent', scans: SCANS_TO_DEST_CITY })
  await cloud.db.put('parcels', parcel as unknown as Doc)
  await cloud.db.put('orders', { ...fixtureOrder(now, 'order-consent', [parcel], { openid: OPENID }), status: 'SHIPPED' } as unknown as Doc)
  page = mountPage('pages/order/detail', { id: 'order-consent' })
  await waitFor(() => button(page!) !== undefined, 'the consent button')
  expect(getSetting).toHaveBeenCalledWith(expect.objectContaining({ withSubscriptions: true }))
  button(page)!.dispatchEvent('tap')
  await waitFor(() => textOf(page!).includes('已订阅 1 项物流通知'), 'the subscribed state')
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(1)
  expect(requestSubscribeMessage.mock.calls[0]?.[0].tmplIds).toEqual([
    'dev-tmpl-out-for-delivery',
    'dev-tmpl-delivered',
    'dev-tmpl-exception',
  ])
  expect(await cloud.db.get('notifyCredits', `${OPENID}:dev-tmpl-out-for-delivery`)).toMatchObject({ remaining: 1 })
  expect(await cloud.db.get('notifyCredits', `${OPENID}:dev-tmpl-delivered`)).toBeNull()
})

test('templates the shopper always refuses are not asked; with the master switch off nothing is', async () => {
  subscriptionsSetting = { mainSwitch: true, itemSettings: { 'dev-tmpl-out-for-delivery': 'reject' } }
  page = mountPage('pages/order/detail', { id: 'order-consent' })
  await waitFor(() => button(page!) !== undefined, 'the consent button')
  button(page)!.dispatchEvent('tap')
  await waitFor(() => requestSubscribeMessage.mock.calls.length === 1, 'the request')
  expect(requestSubscribeMessage.mock.calls[0]?.[0].tmplIds).toEqual(['dev-tmpl-delivered', 'dev-tmpl-exception'])
  unmountPage(page)
  await waitFor(() => wxCloud.openWatchers() === 0, 'the watcher to close')

  subscriptionsSetting = { mainSwitch: false }
  page = mountPage('pages/order/detail', { id: 'order-consent' })
  await waitFor(() => textOf(page!).includes('订阅消息已在微信设置中关闭'), 'the switched-off state')
  expect(button(page)).toBeUndefined()
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(1)
})
