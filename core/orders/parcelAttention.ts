// Which parcels need a human (the merchant console's exception list). Statuses that say so, plus
// "stuck": nothing scanned for more than 48 hours on a parcel that is still under way.
import type { ExceptionKind } from '../api/merchant'
import type { UnifiedStatus } from '../tracking'

/** No scan for this long on a parcel that is not finished. */
export const STUCK_AFTER_MS = 48 * 60 * 60 * 1000

const KIND_OF_STATUS: Partial<Record<UnifiedStatus, ExceptionKind>> = {
  EXCEPTION: 'exception',
  DELIVERY_FAILED: 'delivery_failed',
  RETURNING: 'returning',
}

/** The statuses that put a parcel on the board whatever its age (the database selects by them). */
export const ATTENTION_STATUSES = Object.keys(KIND_OF_STATUS) as UnifiedStatus[]

export interface ParcelProgress {
  status: UnifiedStatus
  terminal: boolean
  lastEventAt: number | null
  shippedAt: number
}

/** Since the last scan, or since shipment when there is none. */
export function silenceMs(parcel: ParcelProgress, now: number): number {
  return Math.max(0, now - (parcel.lastEventAt ?? parcel.shippedAt))
}

export function attentionKind(parcel: ParcelProgress, now: number): ExceptionKind | null {
  const byStatus = KIND_OF_STATUS[parcel.status]
  if (byStatus) return byStatus
  if (!parcel.terminal && silenceMs(parcel, now) > STUCK_AFTER_MS) return 'stuck'
  return null
}
