// Demo orders for the local stack, made through the real cloud functions — createOrder as the
// shoppers, backfillTracking as the merchant — with each tracking number's story assigned in the
// sandbox first, so the pipeline does the rest exactly as it would for real parcels:
//   dev-shopper:   not shipped yet · in transit (keeps moving) · delivered · an exception (a failed
//                  delivery attempt) · two parcels (split shipment)
//   dev-shopper-2: one order in transit
// Idempotent across restarts: the orders live in the persisted database, and an existing dev-shopper
// order means the demo was seeded already.
import * as http from 'node:http'
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import type { DevCloud } from '../cloud'
import { DEV_MERCHANT_OPENID } from './merchants'

export interface DemoSandbox {
  assignScenario(trackingNo: string, scenario: string): Promise<void>
  /**
   * Moves the sandbox's clock forward so the delivered and exception stories have happened by the
   * time the seed returns. Only for a clock the cloud functions share (tests); without it those two
   * parcels reach their state as their stories play out at the sandbox's speed.
   */
  advance?(ms: number): Promise<void>
}

export interface DemoOrdersReport {
  orders: number
  skipped: boolean
  /** What did not work (no sandbox, functions not configured…); the demo is then partial. */
  warnings: string[]
}

const SHOPPER = 'dev-shopper'
const SHOPPER_2 = 'dev-shopper-2'
const MINUTE = 60_000

// Made-up people; the phones are fictitious test numbers (they are stored masked anyway).
const ADDRESS = {
  userName: '演示用户', telNumber: '13800001234', provinceName: '北京市', cityName: '北京市', countyName: '朝阳区',
  detailInfo: '望京街 9 号 演示小区 1-101', postalCode: '100102',
}
const ADDRESS_2 = { ...ADDRESS, userName: '演示用户二', telNumber: '13900005678', provinceName: '四川省', cityName: '成都市', countyName: '武侯区', detailInfo: '演示路 2 号' }

interface DemoShipment { trackingNo: string; scenario: string; items?: Array<{ productId: string; quantity: number }> }
interface DemoOrder {
  label: string
  openid: string
  address: typeof ADDRESS
  items: Array<{ productId: string; quantity: number }>
  shipments: DemoShipment[]
  /** Scenario minutes to fast-forward after this order is shipped (when the sandbox can). */
  fastForwardMinutes?: number
}

/** In seeding order: the stories that must already have happened start first. */
export const DEMO_ORDERS: readonly DemoOrder[] = [
  // yto-normal signs at minute 2700: after both fast-forwards (1440 + 1560) it is done, while
  // failed-then-delivered has had its failed attempt (minute 1500) and not yet its redelivery (2820).
  { label: 'delivered', openid: SHOPPER, address: ADDRESS, items: [{ productId: 'prod-osmanthus-cakes', quantity: 2 }],
    shipments: [{ trackingNo: 'YT1400000009002', scenario: 'yto-normal' }], fastForwardMinutes: 1440 },
  { label: 'exception', openid: SHOPPER, address: ADDRESS, items: [{ productId: 'prod-ceramic-mug', quantity: 1 }],
    shipments: [{ trackingNo: 'YT1400000009003', scenario: 'failed-then-delivered' }], fastForwardMinutes: 1560 },
  { label: 'in transit', openid: SHOPPER, address: ADDRESS, items: [{ productId: 'prod-longjing-tea', quantity: 1 }],
    shipments: [{ trackingNo: 'SF1400000009001', scenario: 'sf-normal' }] },
  { label: 'two parcels', openid: SHOPPER, address: ADDRESS, items: [{ productId: 'prod-silk-scarf', quantity: 1 }, { productId: 'prod-yunnan-coffee', quantity: 2 }],
    shipments: [
      { trackingNo: '75000000009004', scenario: 'zto-normal', items: [{ productId: 'prod-silk-scarf', quantity: 1 }] },
      { trackingNo: 'YT1400000009005', scenario: 'yto-normal', items: [{ productId: 'prod-yunnan-coffee', quantity: 2 }] },
    ] },
  { label: 'not shipped yet', openid: SHOPPER, address: ADDRESS, items: [{ productId: 'prod-bamboo-cutting-board', quantity: 1 }], shipments: [] },
  { label: 'second shopper', openid: SHOPPER_2, address: ADDRESS_2, items: [{ productId: 'prod-cotton-tote', quantity: 1 }],
    shipments: [{ trackingNo: 'YT1400000009006', scenario: 'normal-delivery' }] },
]

export async function seedDemoOrders(devcloud: DevCloud, sandbox: DemoSandbox | null): Promise<DemoOrdersReport> {
  if (await devcloud.db.count('orders', { _openid: SHOPPER }) > 0) return { orders: 0, skipped: true, warnings: [] }
  const warnings: string[] = []
  if (!sandbox) warnings.push('no sandbox to assign stories to: parcels play the sandbox’s default story for their carrier')
  let orders = 0
  // A function that fails or is missing makes the demo partial, never the local cloud's start fail.
  const call = async <T extends { ok: boolean }>(label: string, name: string, data: Record<string, unknown>, openid: string): Promise<T | null> => {
    try {
      return await devcloud.invoke<T>(name, data, { openid })
    } catch (error) {
      warnings.push(`${label}: ${name} failed: ${(error as Error).message}`)
      return null
    }
  }
  for (const demo of DEMO_ORDERS) {
    const placed = await call<CreateOrderResult>(demo.label, 'createOrder', { items: demo.items, address: demo.address }, demo.openid)
    if (!placed) continue
    if (!placed.ok) {
      warnings.push(`${demo.label}: createOrder ${placed.reason}: ${placed.message}`)
      continue
    }
    orders += 1
    if (demo.shipments.length === 0) continue
    for (const shipment of demo.shipments) {
      await sandbox?.assignScenario(shipment.trackingNo, shipment.scenario).catch((error: unknown) => {
        warnings.push(`${demo.label}: sandbox did not take ${shipment.trackingNo}: ${(error as Error).message}`)
      })
    }
    const entries = demo.shipments.map((shipment) => ({ orderId: placed.orderId, trackingNo: shipment.trackingNo, ...(shipment.items ? { items: shipment.items } : {}) }))
    const backfilled = await call<BackfillTrackingResult>(demo.label, 'backfillTracking', { entries }, DEV_MERCHANT_OPENID)
    if (backfilled && !backfilled.ok) warnings.push(`${demo.label}: backfillTracking ${backfilled.reason}: ${backfilled.message}`)
    if (backfilled?.ok) for (const result of backfilled.results) if (!result.ok) warnings.push(`${demo.label}: ${result.reason}: ${result.message}`)
    if (demo.fastForwardMinutes && sandbox?.advance) await sandbox.advance(demo.fastForwardMinutes * MINUTE)
  }
  return { orders, skipped: false, warnings }
}

/** The sandbox's own HTTP API (`POST /sandbox/v1/scenarios`, dev/aggregators/README.md). */
export function demoSandboxOverHttp(baseUrl: string): DemoSandbox {
  return {
    assignScenario: (trackingNo, scenario) => new Promise((resolve, reject) => {
      const body = JSON.stringify({ trackingNo, scenario })
      const request = http.request(`${baseUrl.replace(/\/+$/, '')}/sandbox/v1/scenarios`, {
        method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (response) => {
        response.resume()
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))))
      })
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
