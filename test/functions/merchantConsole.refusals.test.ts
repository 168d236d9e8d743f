// The merchant functions called directly by someone who is not a merchant — a shopper, a second
// shopper, a caller with no identity — are refused with the same answer for every action, and write
// and reveal nothing: the database is compared document for document before and after each call.
import type { BackfillTrackingResult, CreateOrderResult } from '../../core/api'
import { ADDRESS, MERCHANT, SHOPPER, SHOPPER_2, startRig, type Rig } from './support/rig'

let rig: Rig
let orderId: string
const NUMBER = 'YT1400000000701'

beforeAll(async () => {
  rig = await startRig({ vendor: 'kdniao' })
  const placed = await rig.call<CreateOrderResult>(
    'createOrder',
    { items: [{ productId: 'prod-cotton-tote', quantity: 1 }], address: ADDRESS },
    SHOPPER,
  )
  if (!placed.ok) throw new Error(placed.message)
  orderId = placed.orderId
  const backfilled = await rig.call<BackfillTrackingResult>('backfillTracking', { entries: [{ orderId, trackingNo: NUMBER }] }, MERCHANT)
  expect(backfilled).toMatchObject({ ok: true, results: [{ ok: true }] })
  await rig.settle()
})
afterAll(async () => {
  await rig?.close()
})

const ACTIONS: Array<[string, Record<string, unknown>]> = [
  ['session', { action: 'session' }],
  ['toShip', { action: 'toShip' }],
  ['toShip with a search', { action: 'toShip', search: '5678' }],
  ['exceptions', { action: 'exceptions' }],
  ['carrierPerformance', { action: 'carrierPerformance', sinceDays: 30 }],
  ["order (the shopper's order)", { action: 'order', orderId: '' }],
  ['refreshParcel', { action: 'refreshParcel', parcelId: `YTO:${NUMBER}` }],
  ['lookupNumbers', { action: 'lookupNumbers', trackingNos: [NUMBER] }],
]

describe('merchantConsole refuses every action to non-merchants', () => {
  test.each(ACTIONS)('%s, for the shopper who owns the order', async (_name, data) => {
    const request = data.action === 'order' ? { ...data, orderId } : data
    expect(await rig.writesNothing(() => rig.call('merchantConsole', request, SHOPPER))).toEqual({
      ok: false,
      reason: 'not_merchant',
      message: 'this console is for merchants',
    })
  })

  test.each(ACTIONS)('%s, for another shopper', async (_name, data) => {
    const request = data.action === 'order' ? { ...data, orderId } : data
    expect(await rig.writesNothing(() => rig.call('merchantConsole', request, SHOPPER_2))).toMatchObject({
      ok: false,
      reason: 'not_merchant',
    })
  })

  test('for a caller with no identity', async () => {
    expect(await rig.writesNothing(() => rig.call('merchantConsole', { action: 'session' }))).toMatchObject({
      ok: false,
      reason: 'not_signed_in',
    })
    expect(await rig.writesNothing(() => rig.call('merchantConsole', { action: 'toShip' }))).toMatchObject({
      ok: false,
      reason: 'not_signed_in',
    })
  })
})

describe('backfillTracking refuses non-merchants', () => {
  test.each([
    ["a new number on the shopper's own order", () => ({ entries: [{ orderId, trackingNo: 'YT1400000000702' }] })],
    [
      "a correction of the shopper's own parcel",
      () => ({ entries: [{ orderId, trackingNo: 'YT1400000000703', replaces: `YTO:${NUMBER}` }] }),
    ],
    [
      'a batch',
      () => ({
        entries: Array.from({ length: 50 }, (_, index) => ({ orderId, trackingNo: `YT14000000008${String(index).padStart(2, '0')}` })),
      }),
    ],
  ])('%s', async (_name, data) => {
    for (const openid of [SHOPPER, SHOPPER_2]) {
      expect(await rig.writesNothing(() => rig.call('backfillTracking', data(), openid))).toEqual({
        ok: false,
        reason: 'not_merchant',
        message: 'only merchants can backfill tracking numbers',
      })
    }
  })

  test('a caller with no identity', async () => {
    expect(
      await rig.writesNothing(() => rig.call('backfillTracking', { entries: [{ orderId, trackingNo: 'YT1400000000704' }] })),
    ).toMatchObject({ ok: false, reason: 'not_signed_in' })
  })
})
