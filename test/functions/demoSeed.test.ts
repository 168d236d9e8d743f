// The demo data goes through the real functions and the sandbox and covers every state the pages
// show; seeding again (a restart with persisted data) adds nothing.
import type { GetOrderTrackingResult, ListMyOrdersResult } from '../../core/api'
import { demoSandboxOverHttp, seedDemoOrders } from '../../dev/seed/demoOrders'
import { MINUTE, SHOPPER, SHOPPER_2, startRig, type Rig } from './support/rig'

let rig: Rig
beforeAll(async () => { rig = await startRig({ vendor: 'kdniao' }) })
afterAll(async () => { await rig?.close() })

test('dev-shopper gets not-shipped, in-transit, delivered, exception and two-parcel orders; dev-shopper-2 one', async () => {
  const overHttp = demoSandboxOverHttp(rig.sandbox.url)
  const report = await seedDemoOrders(rig.cloud, { assignScenario: overHttp.assignScenario, advance: (ms) => rig.advance(ms) })
  expect(report).toEqual({ orders: 6, skipped: false, warnings: [] })
  expect(rig.sandbox.subscriptions().map((s) => s.scenario).sort()).toEqual(
    ['failed-then-delivered', 'normal-delivery', 'sf-normal', 'yto-normal', 'yto-normal', 'zto-normal'])
  await rig.advance(3 * 60 * MINUTE)

  const mine = await rig.call<ListMyOrdersResult>('listMyOrders', { limit: 20 }, SHOPPER)
  if (!mine.ok) throw new Error(mine.message)
  const shapes = await Promise.all(mine.orders.map(async (order) => {
    const tracking = await rig.call<GetOrderTrackingResult>('getOrderTracking', { orderId: order._id }, SHOPPER)
    if (!tracking.ok) throw new Error(tracking.message)
    return `${tracking.order.status}:${tracking.parcels.map((parcel) => parcel.status).join('+')}`
  }))
  expect(shapes.sort()).toEqual([
    'DELIVERED:DELIVERED',
    'PAID:',
    'SHIPPED:DELIVERY_FAILED',
    'SHIPPED:IN_TRANSIT',
    'SHIPPED:IN_TRANSIT+PICKED_UP',
  ])
  const theirs = await rig.call<ListMyOrdersResult>('listMyOrders', { limit: 20 }, SHOPPER_2)
  expect(theirs.ok && theirs.orders.map((order) => order.status)).toEqual(['SHIPPED'])

  const before = await rig.snapshot()
  expect(await seedDemoOrders(rig.cloud, overHttp)).toEqual({ orders: 0, skipped: true, warnings: [] })
  expect(await rig.snapshot()).toEqual(before)
}, 60_000)
