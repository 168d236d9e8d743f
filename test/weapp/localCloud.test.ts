/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// The LOCAL weapp build (`npm run build:weapp:local`, made aside in miniprogram/dist-test) in
// miniprogram-simulate, with wx.request and wx.connectSocket carried to a real local cloud: functions
// and reads over wx.request, the realtime watch over wx.connectSocket through the same
// @cloudbase/database client the H5 build runs. No wx.cloud at all: the build must not need one.
import type { DevCloud, Doc } from '../../dev/cloud'
import { ensureTestBuild, TEST_LOCAL_CLOUD_URL } from '../../scripts/testBuilds'
import { fixtureOrder, fixtureParcel, OUT_FOR_DELIVERY_SCAN, SCANS_TO_DEST_CITY } from '../../miniprogram/src/testing/trackingFixtures'
import { startTestCloud } from '../support/devcloud'
import { mountPage, textOf, unmountPage, useBuild, waitFor, type Page } from './harness'
import { installWxNetwork } from './wxNetworkBridge'

const network = installWxNetwork(TEST_LOCAL_CLOUD_URL)
const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
const relaunches: string[] = []
wx.reLaunch = (options: { url: string; success?: (result: unknown) => void }) => {
  relaunches.push(options.url)
  options.success?.({ errMsg: 'reLaunch:ok' })
}
let sheetChoice = 0
wx.showActionSheet = (options: { itemList: string[]; success?: (result: unknown) => void }) => {
  options.success?.({ tapIndex: sheetChoice, errMsg: 'showActionSheet:ok' })
}

const NOW = Date.parse('2026-03-01T02:00:00Z')
const ROUTE = 'pages/order/detail'
let cloud: DevCloud | null = null
let page: Page | null = null

async function seed(target: DevCloud, orderId: string): Promise<void> {
  const parcel = fixtureParcel(NOW, { orderId, scans: SCANS_TO_DEST_CITY })
  await target.db.put('parcels', parcel as unknown as Doc)
  await target.db.put('orders', fixtureOrder(NOW, orderId, [parcel]) as unknown as Doc)
}

function rowTexts(on: Page): string[] {
  return on
    .querySelectorAll('.ps-timeline__text')
    .map((row) => row.dom.textContent ?? '')
    .reverse()
}

beforeAll(async () => {
  useBuild(ensureTestBuild('weappLocal'))
  // The env `npm start` serves, which the local build names (services/cloud/local/localCloud.ts).
  cloud = await startTestCloud({ envId: 'dev-local' })
  network.route(cloud.url)
}, 240_000)

afterEach(async () => {
  if (page) unmountPage(page)
  page = null
  await waitFor(() => network.openSockets() === 0, "the page's sockets to close", 15_000)
})

afterAll(async () => {
  await cloud?.idle()
  await cloud?.close()
})

describe('the local weapp build against a real local cloud', () => {
  it('lists the order through a function, loads it on the tracking page and shows a push live over the socket', async () => {
    await seed(cloud!, 'order-local')
    page = mountPage('pages/orders/index')
    await waitFor(() => textOf(page!).includes('运输中'), 'the order listed by listMyOrders')
    expect(textOf(page)).toContain('本地构建')
    expect(textOf(page)).toContain('身份 dev-shopper')
    unmountPage(page)

    page = mountPage(ROUTE, { id: 'order-local' })
    await waitFor(() => rowTexts(page!).length === 6, 'the six scans read over wx.request')
    await waitFor(() => textOf(page!).includes('实时更新中'), 'the watch to go live over wx.connectSocket')
    expect(network.openSockets()).toBe(1)

    const moved = fixtureParcel(NOW, { orderId: 'order-local', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN] })
    await cloud!.db.put('parcels', { ...moved, version: moved.version + 1 } as unknown as Doc)
    await waitFor(() => rowTexts(page!)[0] === OUT_FOR_DELIVERY_SCAN.text, 'the pushed scan at the top')
    expect(page.querySelector('.ps-status-header__title')?.dom.textContent).toBe('派送中')

    // Everything went to the local cloud's page path; nothing needed wx.cloud.
    expect(network.requests.filter((request) => request === '/client').length).toBeGreaterThan(2)
    expect(wx.cloud).toBeUndefined()
  })

  it('says 本地云未启动 with the command while the local cloud is away, and relaunches the page when it is back', async () => {
    await seed(cloud!, 'order-away')
    page = mountPage(ROUTE, { id: 'order-away' })
    await waitFor(() => textOf(page!).includes('实时更新中'), 'the watch to go live')
    expect(textOf(page)).not.toContain('本地云未启动')

    const port = Number(new URL(cloud!.url).port)
    await cloud!.close()
    cloud = null
    await waitFor(() => textOf(page!).includes('本地云未启动'), 'the not-running banner', 10_000)
    expect(textOf(page)).toContain('npm start')

    cloud = await startTestCloud({ envId: 'dev-local', port })
    await seed(cloud, 'order-away')
    await waitFor(() => !textOf(page!).includes('本地云未启动'), 'the banner to clear once the cloud answers', 15_000)
    await waitFor(() => relaunches.includes(`/${ROUTE}?id=order-away`), 'the page relaunched to read afresh')
    unmountPage(page)

    page = mountPage(ROUTE, { id: 'order-away' })
    await waitFor(() => rowTexts(page!).length === 6, 'the order read again from the restarted cloud')
  })

  it('a wrong LOCAL_CLOUD_URL (something else answers) reads as the local cloud not running', async () => {
    network.route('http://127.0.0.1:9')
    try {
      page = mountPage(ROUTE, { id: 'order-local' })
      await waitFor(() => textOf(page!).includes('本地云未启动'), 'the not-running banner')
      expect(textOf(page)).toContain(TEST_LOCAL_CLOUD_URL)
    } finally {
      network.route(cloud!.url)
    }
  })

  it("the identity badge switches to another seeded identity, who cannot see the first shopper's order", async () => {
    await seed(cloud!, 'order-mine')
    page = mountPage(ROUTE, { id: 'order-mine' })
    await waitFor(() => rowTexts(page!).length > 0, "dev-shopper's order")
    relaunches.length = 0
    sheetChoice = 1
    page.querySelector('.ps-local-bar__identity')!.dispatchEvent('tap')
    await waitFor(() => relaunches.length === 1, 'the relaunch after the switch')
    unmountPage(page)

    page = mountPage(ROUTE, { id: 'order-mine' })
    await waitFor(() => textOf(page!).includes('没有找到这个订单'), 'the not-found state for dev-shopper-2')
    expect(textOf(page)).toContain('身份 dev-shopper-2')
  })
})
