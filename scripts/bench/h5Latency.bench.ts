// Push → page latency measured IN CHROMIUM on the H5 build: the Kdniao sandbox pushes a courier scan
// over HTTP → the real receiveTrackingPush function verifies, records and merges it → the devcloud
// fans the change out over the realtime socket → @cloudbase/database in the page → the tracking
// page's timeline DOM shows the scan at the top. The start is taken just before the sandbox sends;
// the end is stamped inside the page by a MutationObserver (same machine, same wall clock), so
// Playwright's round trips are not counted. Also stamped: the vendor's ack (receiver: verify, inbox,
// merge transaction) and the realtime message reaching the page's socket (so the rest is the page:
// SDK, React, layout). Scans are a quiet spell apart, as real ones are minutes apart: the page
// batches updates that come closer than LIVE_UPDATE_INTERVAL_MS (300 ms) and that must not be
// mistaken for latency.
// Uses miniprogram/dist-h5 as built (`npm run build:h5`); builds it when it is missing.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import type { Page } from 'playwright-core'
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { createManualClock, DEV_KDNIAO, SCENARIOS, startSandbox } from '../../dev/aggregators'
import { startDevCloud } from '../../dev/cloud'
import { H5_DIST, serveH5 } from '../../dev/h5/serveH5'
import { demoMerchants } from '../../dev/seed/merchants'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import { LIVE_UPDATE_INTERVAL_MS } from '../../miniprogram/src/tracking/liveParcels'
import { launchBrowser, openPhonePage } from '../../test/e2e/browser'
import { buildFunctions } from '../buildFunctions'
import { latencySummary } from '../load/stats'
import type { Benchmark, BenchResult } from './types'

const ROOT = path.resolve(__dirname, '..', '..')
const ORDERS = 4
const SCENARIO = 'yto-normal'
const MINUTE = 60_000
const SAMPLE_TIMEOUT_MS = 15_000
const QUIET_MS = LIVE_UPDATE_INTERVAL_MS + 200
const ADDRESS = { userName: '压测', telNumber: '13800001234', provinceName: '上海市', cityName: '上海市', countyName: '浦东新区', detailInfo: '1 号', postalCode: '200120' }

/** Stamps Date.now() the first time each text is the top row of the timeline. A string, because the
 * bench runs under tsx, whose compiled functions call helpers the page does not have. */
const OBSERVER = `(() => {
  const seen = {}
  window.__seenAt = seen
  const look = () => {
    const text = document.querySelector('.ps-timeline__row--latest .ps-timeline__text')?.textContent
    if (text && !(text in seen)) seen[text] = Date.now()
  }
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true })
  look()
})()`

/** Stamps each realtime NEXT_EVENT as it reaches the page's socket (installed before the app loads). */
const SOCKET_STAMPS = `(() => {
  const Native = window.WebSocket
  window.__socketAt = []
  window.WebSocket = function (...args) {
    const socket = new Native(...args)
    socket.addEventListener('message', (event) => { if (String(event.data).includes('"NEXT_EVENT"')) window.__socketAt.push(Date.now()) })
    return socket
  }
  window.WebSocket.prototype = Native.prototype
  Object.assign(window.WebSocket, Native)
})()`

async function seenAt(page: Page, text: string): Promise<number> {
  const deadline = Date.now() + SAMPLE_TIMEOUT_MS
  for (;;) {
    const at = await page.evaluate(`window.__seenAt[${JSON.stringify(text)}]`) as number | undefined
    if (at !== undefined) return at
    if (Date.now() > deadline) throw new Error(`"${text}" did not reach the page within ${SAMPLE_TIMEOUT_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const benchmark: Benchmark = {
  name: 'h5Latency',
  async run(): Promise<BenchResult[]> {
    if (!existsSync(path.join(H5_DIST, 'index.html'))) {
      const built = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: ROOT, stdio: 'inherit' })
      if (built.status !== 0) throw new Error('npm run build:h5 failed')
    }
    await buildFunctions()
    const scenario = SCENARIOS.get(SCENARIO)
    if (!scenario) throw new Error(`no scenario ${SCENARIO}`)
    const clock = createManualClock({ startAt: Date.now(), ioWaitMs: 15_000 })
    const sandbox = await startSandbox({ clock, kdniao: { ...DEV_KDNIAO, qps: 1000 } })
    const cloud = await startDevCloud({
      envId: 'test-bench-h5',
      functionEnv: { TRACKING_VENDOR: 'kdniao', KDNIAO_EBUSINESS_ID: DEV_KDNIAO.eBusinessId, KDNIAO_APP_KEY: DEV_KDNIAO.appKey, KDNIAO_API_URL: sandbox.url, PAYMENT_PROVIDER: 'simulated' },
    })
    sandbox.setKdniaoPushUrl(`${cloud.url}/tracking/push/kdniao`)
    const h5 = await serveH5({ cloudUrl: cloud.url, envId: cloud.envId })
    const browser = await launchBrowser()
    try {
      for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product, stock: 1000 })
      for (const merchant of demoMerchants(undefined)) await cloud.db.put('merchants', { ...merchant })
      const total: number[] = []
      const receiver: number[] = []
      const toSocket: number[] = []
      const inPage: number[] = []
      for (let order = 0; order < ORDERS; order += 1) {
        const placed = await cloud.invoke<CreateOrderResult>('createOrder', { items: [{ productId: 'prod-ceramic-mug', quantity: 1 }], address: ADDRESS }, { openid: 'dev-shopper' })
        if (!placed.ok) throw new Error(placed.message)
        const trackingNo = `YT${1_490_000_000_000 + order}`
        sandbox.assignScenario(trackingNo, SCENARIO)
        const startedAt = clock.now()
        const shipped = await cloud.invoke<BackfillTrackingResult>('backfillTracking', { entries: [{ orderId: placed.orderId, trackingNo, carrier: 'YTO' }] }, { openid: 'dev-merchant' })
        if (!shipped.ok || !shipped.results[0]?.ok) throw new Error('bench backfill failed')

        const { page, pageErrors } = await openPhonePage(browser)
        await page.addInitScript(SOCKET_STAMPS)
        await page.goto(`${h5.url}/#/pages/order/detail?id=${placed.orderId}&as=dev-shopper`)
        await page.getByText('实时更新中').waitFor({ timeout: SAMPLE_TIMEOUT_MS })
        await page.evaluate(OBSERVER)
        for (const event of scenario.events) {
          await new Promise((resolve) => setTimeout(resolve, QUIET_MS))
          const attempts = sandbox.deliveries().length
          const sent = Date.now()
          await clock.advance(startedAt + event.atMinute * MINUTE - clock.now())
          const acked = Date.now()
          if (!sandbox.deliveries().slice(attempts).some((attempt) => attempt.ackOk)) throw new Error(`the push at minute ${event.atMinute} was not acked`)
          const shown = await seenAt(page, event.text)
          const socketAt = (await page.evaluate('window.__socketAt.splice(0)') as number[]).find((at) => at >= sent)
          if (socketAt === undefined) throw new Error(`no realtime message for the scan at minute ${event.atMinute}`)
          total.push(shown - sent)
          receiver.push(acked - sent)
          toSocket.push(socketAt - sent)
          inPage.push(shown - socketAt)
        }
        if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`)
        await page.context().close()
      }
      const { samples, ...push } = latencySummary(total)
      return [
        {
          label: 'sandbox push → H5 tracking page shows the scan (Chromium)',
          figures: { samples, ...push },
          note: `${ORDERS} pages × ${scenario.events.length} scans of ${SCENARIO}; wall-clock ms (Date.now resolution)`,
        },
        {
          label: 'where the time goes (same samples)',
          figures: {
            'push → vendor ack p50_ms': latencySummary(receiver).p50_ms,
            'push → vendor ack p95_ms': latencySummary(receiver).p95_ms,
            'push → page socket p50_ms': latencySummary(toSocket).p50_ms,
            'push → page socket p95_ms': latencySummary(toSocket).p95_ms,
            'socket → DOM p50_ms': latencySummary(inPage).p50_ms,
            'socket → DOM p95_ms': latencySummary(inPage).p95_ms,
          },
          note: 'the realtime change fans out when the merge commits, before the ack is written back; socket → DOM is the SDK, the page and React',
        },
      ]
    } finally {
      await browser.close()
      await h5.close()
      await sandbox.close()
      await cloud.close()
    }
  },
}

export default benchmark
