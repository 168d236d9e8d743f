/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// The realtime connection drops (devcloud `dropRealtimeConnections`, as a network change or a
// platform restart would) while courier scans keep arriving. Through the real tracking page of the
// weapp build (miniprogram-simulate, test/weapp/harness.ts) on a real local cloud: the scans are
// real sandbox pushes through the real receiver, and the page must end up showing every one of them —
// by itself while it stays open, or on show after being hidden — with nothing missed.
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { createManualClock, DEV_KDNIAO, startSandbox, type ManualClock, type Sandbox } from '../../dev/aggregators'
import type { DevCloud } from '../../dev/cloud'
import { demoMerchants } from '../../dev/seed/merchants'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import { startTestCloud } from '../support/devcloud'
import { ensureFunctionsBuiltOutOfProcess } from './support/functionsBuiltOutOfProcess'
import { expectedTimeline } from '../functions/support/expectations'
import { firePageEvent, mountPage, textOf, unmountPage, waitFor, type Page } from '../weapp/harness'
import { installWxCloud } from '../weapp/wxCloudStandIn'

const wxCloud = installWxCloud()
// Not imported from test/functions/support/rig.ts: it loads esbuild, which refuses to start in jsdom.
const SHOPPER = 'dev-shopper'
const MERCHANT = 'dev-merchant'
const MINUTE = 60_000
const ADDRESS = {
  userName: '测试收件人',
  telNumber: '13800005678',
  provinceName: '北京市',
  cityName: '北京市',
  countyName: '朝阳区',
  detailInfo: '望京街道 1 号',
  postalCode: '100102',
}
const ROUTE = 'pages/order/detail'
const LIVE = '实时更新中'
// After repeated cuts the page rebuilds with backoff (1 s, 2 s, 4 s … miniprogram/src/tracking/reconnectDelay.ts).
const PAGE_WAIT_MS = 40_000

let clock: ManualClock
let sandbox: Sandbox
let cloud: DevCloud

beforeAll(async () => {
  await ensureFunctionsBuiltOutOfProcess()
  // Scenario time starts now so the page's relative times read naturally; only the sandbox's clock is manual.
  clock = createManualClock({ startAt: Date.now(), ioWaitMs: 15_000 })
  sandbox = await startSandbox({ clock, kdniao: { ...DEV_KDNIAO, qps: 1000 } })
  cloud = await startTestCloud({
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
  wxCloud.connect({ url: cloud.url, envId: cloud.envId, openid: SHOPPER })
})

afterAll(async () => {
  await waitFor(() => wxCloud.openWatchers() === 0, 'all watchers closed', PAGE_WAIT_MS)
  await sandbox?.close()
  await cloud?.idle()
  await cloud?.close()
})

/** Timeline texts newest first (the DOM is oldest first, see Timeline.tsx). */
const rowTexts = (page: Page) =>
  page
    .querySelectorAll('.ps-timeline__text')
    .map((row) => row.dom.textContent ?? '')
    .reverse()

/** An order with one parcel whose story (a scenario of the sandbox) has started; returns its id and start. */
async function shippedOrder(trackingNo: string, scenario: string): Promise<{ orderId: string; startedAt: number }> {
  const placed = await cloud.invoke<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-ceramic-mug', quantity: 1 }], address: ADDRESS },
    { openid: SHOPPER },
  )
  if (!placed.ok) throw new Error(placed.message)
  sandbox.assignScenario(trackingNo, scenario)
  const startedAt = clock.now()
  const shipped = await cloud.invoke<BackfillTrackingResult>(
    'backfillTracking',
    { entries: [{ orderId: placed.orderId, trackingNo, carrier: 'YTO' }] },
    { openid: MERCHANT },
  )
  expect(shipped).toMatchObject({ ok: true, results: [{ ok: true, subscription: 'subscribed' }] })
  return { orderId: placed.orderId, startedAt }
}

/** Runs the sandbox to scenario minute `minute` (its pushes delivered) and lets the cloud settle. */
async function playUntil(startedAt: number, minute: number): Promise<void> {
  await clock.advance(startedAt + minute * MINUTE - clock.now())
  await cloud.idle()
}

/** Cuts every realtime connection every `everyMs` until stopped; stop() says how many were cut. */
function cutRepeatedly(everyMs: number): { stop(): number } {
  let cut = 0
  const timer = setInterval(() => {
    cut += cloud.faults.dropRealtimeConnections()
  }, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return cut
    },
  }
}

test('connections cut every 15 ms while scans arrive: the open page catches up by itself and misses none', async () => {
  const { orderId, startedAt } = await shippedOrder('YT1480000000301', 'yto-normal')
  await playUntil(startedAt, 30) // picked up (minute 25)
  const page = mountPage(ROUTE, { id: orderId })
  await waitFor(() => rowTexts(page).length === 1 && textOf(page).includes(LIVE), 'the first scan, live', PAGE_WAIT_MS)

  // yto-normal scans at minutes 200, 320, 400 and 2200 arrive as pushes while the sockets keep dying,
  // so some land while the page is disconnected and some while its watch is being rebuilt.
  const cuts = cutRepeatedly(15)
  let cut = 0
  try {
    for (const minute of [210, 330, 410, 2210]) await playUntil(startedAt, minute)
  } finally {
    cut = cuts.stop()
  }
  expect(cut).toBeGreaterThan(0)
  const expected = expectedTimeline('yto-normal', startedAt, startedAt + 2210 * MINUTE).map((event) => event.text)
  expect(expected).toHaveLength(5)
  await waitFor(
    () => rowTexts(page).join('|') === expected.join('|') && textOf(page).includes(LIVE),
    'every scan, live again',
    PAGE_WAIT_MS,
  )
  // Recovered by the page and the SDK alone: no refresh, no re-mount, no show; one watcher open.
  expect(wxCloud.functionCalls.filter((call) => call.name === 'refreshTracking')).toEqual([])
  await waitFor(() => wxCloud.openWatchers() === 1, 'the broken watchers closed, one live', PAGE_WAIT_MS)

  // The recovered watch carries the next scan as usual.
  await playUntil(startedAt, 2510) // at the destination station (2500)
  const next = expectedTimeline('yto-normal', startedAt, startedAt + 2510 * MINUTE).map((event) => event.text)
  await waitFor(() => rowTexts(page).join('|') === next.join('|'), 'the next scan', PAGE_WAIT_MS)
  unmountPage(page)
  await waitFor(() => wxCloud.openWatchers() === 0, 'the watcher to close on unload', PAGE_WAIT_MS)
}, 120_000)

test('cut while the page is hidden: on show it reads and watches again and misses none', async () => {
  const { orderId, startedAt } = await shippedOrder('YT1480000000302', 'zto-normal')
  await playUntil(startedAt, 40) // picked up (minute 30)
  const page = mountPage(ROUTE, { id: orderId })
  await waitFor(() => rowTexts(page).length === 1 && textOf(page).includes(LIVE), 'the first scan, live', PAGE_WAIT_MS)

  firePageEvent(page, 'onHide')
  await waitFor(() => wxCloud.openWatchers() === 0, 'the watcher to close on hide', PAGE_WAIT_MS)
  cloud.faults.dropRealtimeConnections()
  await playUntil(startedAt, 1100) // zto-normal: 180, 360, 420, 900, 1080
  expect(rowTexts(page)).toHaveLength(1)

  firePageEvent(page, 'onShow')
  const expected = expectedTimeline('zto-normal', startedAt, startedAt + 1100 * MINUTE).map((event) => event.text)
  expect(expected).toHaveLength(6)
  await waitFor(
    () => rowTexts(page).join('|') === expected.join('|') && textOf(page).includes(LIVE),
    'every scan made while hidden, live again',
    PAGE_WAIT_MS,
  )

  // …and the rebuilt watch carries the next scan as usual.
  await playUntil(startedAt, 1150) // out for delivery at 1140
  const next = expectedTimeline('zto-normal', startedAt, startedAt + 1150 * MINUTE).map((event) => event.text)
  await waitFor(() => rowTexts(page).join('|') === next.join('|'), 'the next scan', PAGE_WAIT_MS)
  unmountPage(page)
  await waitFor(() => wxCloud.openWatchers() === 0, 'the watcher to close on unload', PAGE_WAIT_MS)
}, 120_000)
