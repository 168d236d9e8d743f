// The console's batch submit against the real function: 120 lines sent the way the page sends them
// (submitInChunks, 50 per backfillTracking call). When a call fails mid-way nothing is lost — the
// lines already answered are written, the rest come back `not_sent` — and submitting the whole batch
// again is harmless: what was written answers `unchanged` and is not touched, the rest is created.
import type { BackfillEntry, BackfillTrackingResult, CreateOrderResult, ParcelDoc } from '../../core/api'
import { submitInChunks } from '../../miniprogram/src/merchant/batch/submitInChunks'
import { ADDRESS, MERCHANT, SHOPPER, startRig, type Rig } from './support/rig'
import { nth } from '../support/nth'

let rig: Rig
let lines: Array<{ lineNo: number; entry: BackfillEntry }>

beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
  const orders: string[] = []
  for (let index = 0; index < 6; index += 1) {
    const placed = await rig.call<CreateOrderResult>(
      'createOrder',
      { items: [{ productId: 'prod-cotton-tote', quantity: 1 }], address: ADDRESS },
      SHOPPER,
    )
    if (!placed.ok) throw new Error(placed.message)
    orders.push(placed.orderId)
  }
  // 20 parcels per order: a wholesale order shipped in many cartons.
  lines = Array.from({ length: 120 }, (_, index) => ({
    lineNo: index + 1,
    entry: { orderId: nth(orders, index % 6), trackingNo: `YT14000000${String(index).padStart(5, '0')}`, carrier: 'YTO' },
  }))
})
afterAll(async () => {
  await rig?.close()
})

const send = (entries: BackfillEntry[]) => rig.call<BackfillTrackingResult>('backfillTracking', { entries }, MERCHANT)

async function parcels(): Promise<Map<string, ParcelDoc>> {
  const all = (await rig.cloud.db.list('parcels')) as unknown as ParcelDoc[]
  return new Map(all.map((parcel) => [parcel._id, parcel]))
}

test('a failure mid-way loses nothing, and resubmitting the batch writes only what was missing', async () => {
  // The platform refuses the second call (a network drop between chunks).
  let calls = 0
  const flaky = async (entries: BackfillEntry[]) => {
    calls += 1
    if (calls === 2) rig.cloud.faults.rejectInvocations({ count: 1 })
    return send(entries)
  }
  const progress: number[] = []
  const first = await submitInChunks(lines, flaky, (p) => progress.push(p.done))
  await rig.settle()
  expect(calls).toBe(2)
  expect(progress).toEqual([50])
  expect(first.slice(0, 50).every((line) => line.result.ok && line.result.outcome === 'created')).toBe(true)
  expect(first.slice(50).every((line) => !line.result.ok && line.result.reason === 'not_sent')).toBe(true)
  const afterFirst = await parcels()
  expect([...afterFirst.keys()].sort()).toEqual(
    lines
      .slice(0, 50)
      .map((line) => `YTO:${line.entry.trackingNo}`)
      .sort(),
  )

  // The merchant submits the whole batch again.
  const second = await submitInChunks(lines, send)
  await rig.settle()
  expect(second.map((line) => (line.result.ok ? line.result.outcome : line.result.reason))).toEqual([
    ...Array.from({ length: 50 }, () => 'unchanged'),
    ...Array.from({ length: 70 }, () => 'created'),
  ])
  const afterSecond = await parcels()
  expect(afterSecond.size).toBe(120)
  // The 50 written the first time were not touched: same documents, same versions.
  for (const [id, parcel] of afterFirst) expect(afterSecond.get(id)).toEqual(parcel)

  // And once more: nothing at all changes.
  const third = await submitInChunks(lines, send)
  await rig.settle()
  expect(third.every((line) => line.result.ok && line.result.outcome === 'unchanged')).toBe(true)
  expect(await parcels()).toEqual(afterSecond)
})
