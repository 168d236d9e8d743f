// Demo orders for the local stack, made through the real cloud functions — createOrder as the
// shoppers, backfillTracking as the merchant — with each tracking number's story assigned in the
// sandbox first, so the pipeline does the rest exactly as it would for real parcels:
//   dev-shopper:   not shipped yet · delivered · a failed delivery attempt · two parcels (split) ·
//                  a live SF parcel that moves while you watch
//   dev-shopper-2: one order in transit · one stuck for days (the merchant's exceptions board)
// Stories are backdated (`startedMinutesAgo`): the parcels were travelling before the sandbox heard
// of them, so their past scans carry believable times and the rest plays at the sandbox's speed.
// Idempotent across restarts (the orders live in the persisted database); each run adds a new live
// parcel only once the previous one has been delivered, so a newcomer always has one to watch.
import * as http from 'node:http'
import type { BackfillTrackingResult, CreateOrderResult, ParcelDoc } from '../../core/api'
import { isTerminal } from '../../core/tracking'
import type { DevCloud } from '../cloud'
import { DEV_MERCHANT_OPENID } from './merchants'

export interface DemoStory {
  startedMinutesAgo: number
}

export interface DemoSandbox {
  assignScenario(trackingNo: string, scenario: string, story: DemoStory): Promise<void>
}

export interface DemoOrdersReport {
  orders: number
  /** The live parcel created this run, if one was. */
  liveParcel: string | null
  /** What did not work (no sandbox, functions not configured…); the demo is then partial. */
  warnings: string[]
}

const SHOPPER = 'dev-shopper'
const SHOPPER_2 = 'dev-shopper-2'

// Made-up people; the phones are fictitious test numbers (they are stored masked anyway).
const ADDRESS = {
  userName: '演示用户',
  telNumber: '13800001234',
  provinceName: '北京市',
  cityName: '北京市',
  countyName: '朝阳区',
  detailInfo: '望京街 9 号 演示小区 1-101',
  postalCode: '100102',
}
const ADDRESS_2 = {
  ...ADDRESS,
  userName: '演示用户二',
  telNumber: '13900005678',
  provinceName: '四川省',
  cityName: '成都市',
  countyName: '武侯区',
  detailInfo: '演示路 2 号',
}

interface DemoShipment {
  trackingNo: string
  scenario: string
  startedMinutesAgo: number
  items?: Array<{ productId: string; quantity: number }>
}
interface DemoOrder {
  label: string
  openid: string
  address: typeof ADDRESS
  items: Array<{ productId: string; quantity: number }>
  shipments: DemoShipment[]
}

// Minutes are scenario minutes (dev/aggregators/scenarios): yto-normal signs at 2700, failed-then-
// delivered fails its attempt at 1500 and redelivers at 2820, stuck scans last at 480.
export const DEMO_ORDERS: readonly DemoOrder[] = [
  {
    label: 'delivered',
    openid: SHOPPER,
    address: ADDRESS,
    items: [{ productId: 'prod-osmanthus-cakes', quantity: 2 }],
    shipments: [{ trackingNo: 'YT1400000009002', scenario: 'yto-normal', startedMinutesAgo: 3000 }],
  },
  {
    label: 'failed delivery',
    openid: SHOPPER,
    address: ADDRESS,
    items: [{ productId: 'prod-ceramic-mug', quantity: 1 }],
    shipments: [{ trackingNo: 'YT1400000009003', scenario: 'failed-then-delivered', startedMinutesAgo: 1560 }],
  },
  {
    label: 'two parcels',
    openid: SHOPPER,
    address: ADDRESS,
    items: [
      { productId: 'prod-silk-scarf', quantity: 1 },
      { productId: 'prod-yunnan-coffee', quantity: 2 },
    ],
    shipments: [
      {
        trackingNo: '75000000009004',
        scenario: 'zto-normal',
        startedMinutesAgo: 600,
        items: [{ productId: 'prod-silk-scarf', quantity: 1 }],
      },
      {
        trackingNo: 'YT1400000009005',
        scenario: 'yto-normal',
        startedMinutesAgo: 200,
        items: [{ productId: 'prod-yunnan-coffee', quantity: 2 }],
      },
    ],
  },
  {
    label: 'not shipped yet',
    openid: SHOPPER,
    address: ADDRESS,
    items: [{ productId: 'prod-bamboo-cutting-board', quantity: 1 }],
    shipments: [],
  },
  {
    label: 'second shopper',
    openid: SHOPPER_2,
    address: ADDRESS_2,
    items: [{ productId: 'prod-cotton-tote', quantity: 1 }],
    shipments: [{ trackingNo: 'YT1400000009006', scenario: 'normal-delivery', startedMinutesAgo: 400 }],
  },
  {
    label: 'stuck',
    openid: SHOPPER_2,
    address: ADDRESS_2,
    items: [{ productId: 'prod-longjing-tea', quantity: 1 }],
    shipments: [{ trackingNo: 'YT1400000009007', scenario: 'stuck', startedMinutesAgo: 4000 }],
  },
]

/** The live SF parcels: SF1400000010001, SF1400000010002, … one more each time the last has arrived. */
const LIVE_SERIES = 1_400_000_010_000
const LIVE_SCENARIO = 'sf-normal'
// sf-normal is at its hub by minute 300; its next scan is two scenario hours later.
const LIVE_STARTED_MINUTES_AGO = 300

type Call = <T extends { ok: boolean }>(label: string, name: string, data: Record<string, unknown>, openid: string) => Promise<T | null>

export async function seedDemoOrders(devcloud: DevCloud, sandbox: DemoSandbox | null): Promise<DemoOrdersReport> {
  const warnings: string[] = []
  if (!sandbox) warnings.push('no sandbox to assign stories to: parcels play the sandbox’s default story for their carrier')
  // A function that fails or is missing makes the demo partial, never the local cloud's start fail.
  const call: Call = async (label, name, data, openid) => {
    try {
      return await devcloud.invoke(name, data, { openid })
    } catch (error) {
      warnings.push(`${label}: ${name} failed: ${(error as Error).message}`)
      return null
    }
  }
  const ship = (demo: DemoOrder) => placeAndShip(demo, sandbox, call, warnings)
  let orders = 0
  if ((await devcloud.db.count('orders', { _openid: SHOPPER })) === 0) {
    for (const demo of DEMO_ORDERS) if (await ship(demo)) orders += 1
  }
  const liveNumber = await nextLiveNumber(devcloud)
  if (liveNumber) {
    const live: DemoOrder = {
      label: 'live parcel',
      openid: SHOPPER,
      address: ADDRESS,
      items: [{ productId: 'prod-longjing-tea', quantity: 1 }],
      shipments: [{ trackingNo: liveNumber, scenario: LIVE_SCENARIO, startedMinutesAgo: LIVE_STARTED_MINUTES_AGO }],
    }
    if (await ship(live)) orders += 1
  }
  return { orders, liveParcel: liveNumber, warnings }
}

async function liveParcels(devcloud: DevCloud): Promise<ParcelDoc[]> {
  const live = (await devcloud.db.list('parcels', {
    _openid: SHOPPER,
    carrier: 'SF',
    trackingNo: { $regex: '^SF14000000100' },
  })) as unknown as ParcelDoc[]
  return live.sort((a, b) => b.trackingNo.localeCompare(a.trackingNo))
}

/** The newest live parcel (the one `npm start` points a newcomer at), if the demo has one. */
export async function latestLiveParcel(devcloud: DevCloud): Promise<ParcelDoc | null> {
  return (await liveParcels(devcloud))[0] ?? null
}

/** The next live number, or null while the latest live parcel is still on its way. */
async function nextLiveNumber(devcloud: DevCloud): Promise<string | null> {
  const live = await liveParcels(devcloud)
  if (live[0] && !isTerminal(live[0].status)) return null
  return `SF${LIVE_SERIES + live.length + 1}`
}

async function placeAndShip(demo: DemoOrder, sandbox: DemoSandbox | null, call: Call, warnings: string[]): Promise<boolean> {
  const placed = await call<CreateOrderResult>(demo.label, 'createOrder', { items: demo.items, address: demo.address }, demo.openid)
  if (!placed) return false
  if (!placed.ok) {
    warnings.push(`${demo.label}: createOrder ${placed.reason}: ${placed.message}`)
    return false
  }
  if (demo.shipments.length === 0) return true
  for (const shipment of demo.shipments) {
    await sandbox
      ?.assignScenario(shipment.trackingNo, shipment.scenario, { startedMinutesAgo: shipment.startedMinutesAgo })
      .catch((error: unknown) => {
        warnings.push(`${demo.label}: sandbox did not take ${shipment.trackingNo}: ${(error as Error).message}`)
      })
  }
  const entries = demo.shipments.map((shipment) => ({
    orderId: placed.orderId,
    trackingNo: shipment.trackingNo,
    ...(shipment.items ? { items: shipment.items } : {}),
  }))
  const backfilled = await call<BackfillTrackingResult>(demo.label, 'backfillTracking', { entries }, DEV_MERCHANT_OPENID)
  if (backfilled && !backfilled.ok) warnings.push(`${demo.label}: backfillTracking ${backfilled.reason}: ${backfilled.message}`)
  if (backfilled?.ok)
    for (const result of backfilled.results) if (!result.ok) warnings.push(`${demo.label}: ${result.reason}: ${result.message}`)
  return true
}

/** The sandbox's own HTTP API (`POST /sandbox/v1/scenarios`, dev/aggregators/README.md). */
export function demoSandboxOverHttp(baseUrl: string): DemoSandbox {
  return {
    assignScenario: (trackingNo, scenario, story) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ trackingNo, scenario, startedMinutesAgo: story.startedMinutesAgo })
        const request = http.request(
          `${baseUrl.replace(/\/+$/, '')}/sandbox/v1/scenarios`,
          {
            method: 'POST',
            agent: false,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            response.resume()
            response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))))
          },
        )
        request.setTimeout(5000, () => request.destroy(new Error('no answer within 5 s')))
        request.on('error', reject)
        request.end(body)
      }),
  }
}

/** The sandbox in the local stack: SANDBOX_URL, else the configured vendor's API URL when it is local. */
export function localSandboxUrl(env: NodeJS.ProcessEnv): string | null {
  const candidate = env.SANDBOX_URL ?? (env.TRACKING_VENDOR === 'kuaidi100' ? env.KUAIDI100_API_URL : env.KDNIAO_API_URL)
  if (!candidate) return null
  try {
    return ['127.0.0.1', 'localhost'].includes(new URL(candidate).hostname) ? candidate : null
  } catch {
    return null
  }
}
