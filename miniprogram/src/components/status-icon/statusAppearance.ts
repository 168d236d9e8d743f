// How each unified status looks: a tone (colour family) and an icon. Data, so a new status cannot
// be added to core/tracking without this table failing to type-check.
import type { UnifiedStatus } from '@core/tracking/statuses'

export type Tone = 'progress' | 'success' | 'warning' | 'danger' | 'muted'
export type IconName = 'box' | 'pickup' | 'truck' | 'courier' | 'locker' | 'check' | 'alert' | 'return' | 'stop'

export const STATUS_APPEARANCE: Record<UnifiedStatus, { tone: Tone; icon: IconName }> = {
  PENDING: { tone: 'muted', icon: 'box' },
  INFO_RECEIVED: { tone: 'muted', icon: 'box' },
  PICKED_UP: { tone: 'progress', icon: 'pickup' },
  IN_TRANSIT: { tone: 'progress', icon: 'truck' },
  OUT_FOR_DELIVERY: { tone: 'progress', icon: 'courier' },
  AWAITING_PICKUP: { tone: 'warning', icon: 'locker' },
  DELIVERY_FAILED: { tone: 'danger', icon: 'alert' },
  DELIVERED: { tone: 'success', icon: 'check' },
  EXCEPTION: { tone: 'danger', icon: 'alert' },
  RETURNING: { tone: 'warning', icon: 'return' },
  RETURNED: { tone: 'muted', icon: 'return' },
  CANCELLED: { tone: 'muted', icon: 'stop' },
  EXPIRED: { tone: 'muted', icon: 'stop' },
}
