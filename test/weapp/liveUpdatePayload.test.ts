/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// What one live update costs the weapp: the setData calls and bytes Taro sends to the view layer
// when a new scan arrives through the watch (reference/wechat.md §7: ≤ 256 KB per call, ≤ 20
// calls/s). Measured by wrapping the page's setData, on the real build, on the weapp environment's
// fixed clock (the bytes depend on the day groups the page draws). The size is a benchmark figure
// (`setData per live update` in npm run bench), not an assertion here: this test proves the update
// arrives in a few calls and writes the figures to test-results/weapp-live-update.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { DevCloud, Doc } from '../../dev/cloud'
import { startTestCloud } from '../support/devcloud'
import {
  fixtureOrder,
  fixtureParcel,
  OUT_FOR_DELIVERY_SCAN,
  SCANS_TO_DEST_CITY,
  type ScanSpec,
} from '../../miniprogram/src/testing/trackingFixtures'
import { mountPage, textOf, unmountPage, waitFor } from './harness'
import { installWxCloud } from './wxCloudStandIn'

export const PAYLOAD_REPORT = path.resolve(__dirname, '..', '..', 'test-results', 'weapp-live-update.json')

const wxCloud = installWxCloud()
let cloud: DevCloud
let page: ReturnType<typeof mountPage> | undefined

beforeAll(async () => {
  cloud = await startTestCloud()
  wxCloud.connect({ url: cloud.url, envId: cloud.envId, openid: 'dev-shopper' })
})
// Unmount even when an assertion failed, so the watcher closes and the cloud can stop.
afterEach(() => {
  if (page) unmountPage(page)
  page = undefined
})
afterAll(async () => {
  try {
    await waitFor(() => wxCloud.openWatchers() === 0, 'all watchers closed')
  } finally {
    await cloud?.close()
  }
})

// A long story (30 scans over 5 days) so the measurement shows the update does not resend it.
const LONG_STORY: ScanSpec[] = Array.from({ length: 24 }, (_, index): ScanSpec => ({
  minutesAgo: 5 * 24 * 60 - index * 200,
  text: `快件已到达【中转站 ${index + 1}】，正在分拣`,
  location: '途经城市',
  status: 'IN_TRANSIT' as const,
  subStatus: 'AT_HUB' as const,
})).concat(SCANS_TO_DEST_CITY.slice(-6))

test('one live update reaches the view in a few setData calls (bytes recorded for the bench)', async () => {
  const now = Date.now()
  const parcel = fixtureParcel(now, { orderId: 'order-payload', scans: LONG_STORY })
  await cloud.db.put('parcels', parcel as unknown as Doc)
  await cloud.db.put('orders', fixtureOrder(now, 'order-payload', [parcel]) as unknown as Doc)
  const view = mountPage('pages/order/detail', { id: 'order-payload' })
  page = view
  await waitFor(() => textOf(view).includes('实时更新中'), 'the watch to go live')
  await waitFor(() => view.querySelectorAll('.ps-timeline__row').length === 6, 'the collapsed timeline')

  const calls: number[] = []
  const original = view.instance.setData
  view.instance.setData = function measured(this: unknown, data: Record<string, unknown>, ...rest: unknown[]) {
    calls.push(Buffer.byteLength(JSON.stringify(data), 'utf8'))
    return (original as (...args: unknown[]) => unknown).call(this, data, ...rest)
  } as typeof original

  const next = {
    ...fixtureParcel(now, { orderId: 'order-payload', scans: [...LONG_STORY, OUT_FOR_DELIVERY_SCAN] }),
    version: parcel.version + 1,
  }
  await cloud.db.put('parcels', next as unknown as Doc)
  await waitFor(
    () => view.querySelector('.ps-timeline__row--latest .ps-timeline__text')?.dom.textContent === OUT_FOR_DELIVERY_SCAN.text,
    'the new scan on top',
  )
  await cloud.idle()
  const bytes = calls.reduce((sum, size) => sum + size, 0)
  mkdirSync(path.dirname(PAYLOAD_REPORT), { recursive: true })
  writeFileSync(
    PAYLOAD_REPORT,
    JSON.stringify(
      {
        clock: new Date(now).toISOString(),
        events: LONG_STORY.length + 1,
        setDataCalls: calls.length,
        bytes,
        largestCallBytes: Math.max(...calls),
      },
      null,
      2,
    ),
  )
  expect(calls.length).toBeGreaterThan(0)
  expect(calls.length).toBeLessThanOrEqual(3)
  expect(bytes).toBeGreaterThan(0)
})
