// The demo data goes through the real functions and the sandbox and covers every state the pages
// show; seeding again (a restart with persisted data) adds nothing while the live parcel travels,
// and a new live parcel once it has arrived.
import type { GetOrderTrackingResult, ListMyOrdersResult } from '../../core/api'
import { demoSandboxOverHttp, seedDemoOrders } from '../../dev/seed/demoOrders'
import { expectedTimeline, timelineOf } from './support/expectations'
import { MINUTE, SHOPPER, SHOPPER_2, startRig, type Rig } from './support/rig'

let rig: Rig
beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
})
afterAll(async () => {
  await rig?.close()
})

async function orderShapes(openid: string): Promise<string[]> {
  const mine = await rig.call<ListMyOrdersResult>('listMyOrders', { limit: 20 }, openid)
  if (!mine.ok) throw new Error(mine.message)
  const shapes = await Promise.all(
    mine.orders.map(async (order) => {
      const tracking = await rig.call<GetOrderTrackingResult>('getOrderTracking', { orderId: order._id }, openid)
      if (!tracking.ok) throw new Error(tracking.message)
      return `${tracking.order.status}:${tracking.parcels.map((parcel) => parcel.status).join('+')}`
    }),
  )
  return shapes.sort()
}

test('every state the pages show, with backdated scan times, and a live parcel per run', async () => {
  const sandbox = demoSandboxOverHttp(rig.sandbox.url)
  const seededAt = rig.clock.now()
  const report = await seedDemoOrders(rig.cloud, sandbox)
  expect(report).toEqual({ orders: 7, liveParcel: 'SF1400000010001', warnings: [] })
  await rig.settle()
  expect(
    rig.sandbox
      .subscriptions()
      .map((s) => s.scenario)
      .sort(),
  ).toEqual(['failed-then-delivered', 'normal-delivery', 'sf-normal', 'stuck', 'yto-normal', 'yto-normal', 'zto-normal'])

  expect(await orderShapes(SHOPPER)).toEqual([
    'DELIVERED:DELIVERED',
    'PAID:',
    'SHIPPED:DELIVERY_FAILED',
    'SHIPPED:IN_TRANSIT',
    'SHIPPED:IN_TRANSIT+IN_TRANSIT',
  ])
  expect(await orderShapes(SHOPPER_2)).toEqual(['SHIPPED:IN_TRANSIT', 'SHIPPED:IN_TRANSIT'])

  // The live parcel had been travelling for 300 scenario minutes: its past scans are dated then.
  const live = await rig.cloud.db.get('parcels', 'SF:SF1400000010001')
  expect(timelineOf((live as { events: never[] }).events)).toEqual(expectedTimeline('sf-normal', seededAt - 300 * MINUTE, seededAt))

  const before = await rig.snapshot()
  expect(await seedDemoOrders(rig.cloud, sandbox)).toEqual({ orders: 0, liveParcel: null, warnings: [] })
  expect(await rig.snapshot()).toEqual(before)

  // sf-normal signs at minute 1680: once the live parcel has arrived, the next run ships another.
  await rig.advance((1680 - 300) * MINUTE)
  expect((await rig.cloud.db.get('parcels', 'SF:SF1400000010001'))?.status).toBe('DELIVERED')
  expect(await seedDemoOrders(rig.cloud, sandbox)).toEqual({ orders: 1, liveParcel: 'SF1400000010002', warnings: [] })
}, 120_000)
