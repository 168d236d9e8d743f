// Which parcel moves a shopper hears about (issue 15): shipped, out for delivery, delivered (待取件
// included: the parcel is there, the shopper must act) and a problem. Derived at merge from the status
// before and after; a parcel notifies each event at most once in its life, and a move to a lower
// rank (a newer scan that says "in transit" after "out for delivery") never notifies.
import { STATUSES, type UnifiedStatus } from '../tracking'

export const NOTIFY_EVENTS = ['shipped', 'out_for_delivery', 'delivered', 'exception'] as const
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number]

/** On the parcel: which events were derived (at when), and whether the sender has work (dueAt). */
export interface ParcelNotify {
  derived: Partial<Record<NotifyEvent, number>>
  /** Set when an event is derived; cleared by the sender once it has queued the messages. */
  dueAt: number | null
}

const EVENT_OF: Partial<Record<UnifiedStatus, NotifyEvent>> = {
  INFO_RECEIVED: 'shipped',
  PICKED_UP: 'shipped',
  IN_TRANSIT: 'shipped',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  AWAITING_PICKUP: 'delivered',
  DELIVERED: 'delivered',
  DELIVERY_FAILED: 'exception',
  EXCEPTION: 'exception',
  RETURNING: 'exception',
}

export function notifyEventOf(status: UnifiedStatus): NotifyEvent | null {
  return EVENT_OF[status] ?? null
}

export const emptyNotify = (): ParcelNotify => ({ derived: {}, dueAt: null })

/** The parcel's notify record after a merge moved it from `before` to `after`. Idempotent: applying it
 * again to its own result changes nothing. */
export function deriveNotify(current: ParcelNotify | undefined, before: UnifiedStatus, after: UnifiedStatus, now: number): ParcelNotify {
  const notify = current ?? emptyNotify()
  const event = notifyEventOf(after)
  if (event === null || event === notifyEventOf(before)) return notify
  if (STATUSES[after].rank < STATUSES[before].rank) return notify
  if (notify.derived[event] !== undefined) return notify
  return { derived: { ...notify.derived, [event]: now }, dueAt: now }
}
