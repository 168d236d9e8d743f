// When something is wrong, say what happens next in plain words. Which advice applies is decided
// from the unified status and sub-status, plus one derived flag: "stuck", no scan for 48 hours on a
// parcel still moving (the same threshold the merchant's exception list uses, core/api merchant.ts).
import type { ParcelDoc } from '@core/api'
import type { SubStatus } from '@core/tracking/subStatuses'
import { t } from '../../i18n/zh-CN'

export type AdviceKind = keyof typeof t.advice
export type AdviceTone = 'danger' | 'warning' | 'info'

export interface ExceptionAdvice {
  kind: AdviceKind
  tone: AdviceTone
  title: string
  body: string
}

export const STUCK_AFTER_MS = 48 * 3_600_000

const BY_SUB_STATUS: Partial<Record<SubStatus, AdviceKind>> = {
  UNREACHABLE: 'UNREACHABLE',
  REFUSED: 'REFUSED',
  LOCKER_TIMEOUT: 'LOCKER_TIMEOUT',
  ADDRESS_PROBLEM: 'ADDRESS_PROBLEM',
  DAMAGED: 'DAMAGED',
  LOST: 'LOST',
  CUSTOMS_HOLD: 'CUSTOMS_HOLD',
  TIMEOUT_NO_UPDATE: 'STUCK',
  TIMEOUT_UNSIGNED: 'STUCK',
}

const TONE: Record<AdviceKind, AdviceTone> = {
  DELIVERY_FAILED: 'warning',
  UNREACHABLE: 'warning',
  REFUSED: 'danger',
  RETURNING: 'warning',
  RETURNED: 'info',
  LOCKER_TIMEOUT: 'warning',
  STUCK: 'warning',
  ADDRESS_PROBLEM: 'warning',
  DAMAGED: 'danger',
  LOST: 'danger',
  CUSTOMS_HOLD: 'warning',
  EXCEPTION: 'danger',
  EXPIRED: 'info',
  CANCELLED: 'info',
}

type AdviceParcel = Pick<ParcelDoc, 'status' | 'subStatus' | 'terminal' | 'lastEventAt' | 'shippedAt'>

function kindOf(parcel: AdviceParcel, now: number): AdviceKind | null {
  const bySub = parcel.subStatus ? BY_SUB_STATUS[parcel.subStatus] : undefined
  switch (parcel.status) {
    case 'DELIVERY_FAILED':
      return bySub ?? 'DELIVERY_FAILED'
    case 'EXCEPTION':
      return bySub ?? 'EXCEPTION'
    case 'RETURNING':
      return bySub === 'REFUSED' ? 'REFUSED' : 'RETURNING'
    case 'RETURNED':
      return 'RETURNED'
    case 'EXPIRED':
      return 'EXPIRED'
    case 'CANCELLED':
      return 'CANCELLED'
    default:
      break
  }
  if (parcel.terminal) return null
  // A parcel waiting in a locker is not moving on purpose; its own advice comes from LOCKER_TIMEOUT.
  if (parcel.status === 'AWAITING_PICKUP') return null
  const since = parcel.lastEventAt ?? parcel.shippedAt
  return now - since >= STUCK_AFTER_MS ? 'STUCK' : null
}

export function exceptionAdvice(parcel: AdviceParcel, now: number): ExceptionAdvice | null {
  const kind = kindOf(parcel, now)
  return kind ? { kind, tone: TONE[kind], ...t.advice[kind] } : null
}
