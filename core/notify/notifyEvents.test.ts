import { deriveNotify, emptyNotify, notifyEventOf } from './notifyEvents'
import type { UnifiedStatus } from '../tracking'

test.each<[UnifiedStatus, string | null]>([
  ['PENDING', null],
  ['INFO_RECEIVED', 'shipped'],
  ['PICKED_UP', 'shipped'],
  ['IN_TRANSIT', 'shipped'],
  ['OUT_FOR_DELIVERY', 'out_for_delivery'],
  ['AWAITING_PICKUP', 'delivered'],
  ['DELIVERED', 'delivered'],
  ['DELIVERY_FAILED', 'exception'],
  ['EXCEPTION', 'exception'],
  ['RETURNING', 'exception'],
  ['RETURNED', null],
  ['CANCELLED', null],
  ['EXPIRED', null],
])('%s notifies %s', (status, event) => {
  expect(notifyEventOf(status)).toBe(event)
})

describe('deriveNotify', () => {
  test.each<[string, UnifiedStatus, UnifiedStatus, string[]]>([
    ['first scan', 'PENDING', 'PICKED_UP', ['shipped']],
    ['out for delivery', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', ['out_for_delivery']],
    ['a jump straight to delivered', 'PENDING', 'DELIVERED', ['delivered']],
    ['within one event', 'PICKED_UP', 'IN_TRANSIT', []],
    ['a regression', 'OUT_FOR_DELIVERY', 'IN_TRANSIT', []],
    ['no move', 'IN_TRANSIT', 'IN_TRANSIT', []],
    ['to a status with no event', 'IN_TRANSIT', 'EXPIRED', []],
  ])('%s', (_case, before, after, events) => {
    const next = deriveNotify(undefined, before, after, 5)
    expect(Object.keys(next.derived)).toEqual(events)
    expect(next.dueAt).toBe(events.length > 0 ? 5 : null)
  })

  test('each event once per parcel, and applying it again changes nothing', () => {
    const once = deriveNotify(emptyNotify(), 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 10)
    expect(deriveNotify(once, 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 20)).toBe(once)
    // A failed attempt, then out for delivery again: the second attempt is not a second message.
    const failed = deriveNotify(once, 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 30)
    expect(failed.derived).toEqual({ out_for_delivery: 10, exception: 30 })
    expect(deriveNotify({ ...failed, dueAt: null }, 'DELIVERY_FAILED', 'DELIVERED', 40)).toEqual({
      derived: { out_for_delivery: 10, exception: 30, delivered: 40 },
      dueAt: 40,
    })
  })
})
