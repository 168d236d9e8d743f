// How a parcel's subscription record moves (the outbox state machine), pure:
//   pending ──subscribe ok──▶ subscribed ──shutdown / 60天无变化──▶ stopped
//      ▲  └─retryable failure: attempts+1, next attempt after backoff
//      │  └─permanent failure──▶ failed
//      └── Kuaidi100 abort 3天查询无记录 (≤ MAX_RESUBSCRIPTIONS times, not before 31 min)
import type { ParcelSubscription, TrackingVendor } from '../../core/api'
import type { StopReason } from '../../core/tracking'
import type { SubscribeOutcome } from '../aggregators/trackingVendor'
import { MAX_RESUBSCRIPTIONS, RESUBSCRIBE_AFTER_ABORT_MS, retryDelayMs } from './subscriptionSchedule'

export function pendingSubscription(vendor: TrackingVendor, now: number): ParcelSubscription {
  return { vendor, state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, subscribedAt: null, resubscriptions: 0 }
}

export function afterSubscribeAttempt(
  current: ParcelSubscription,
  vendor: TrackingVendor,
  outcome: SubscribeOutcome,
  now: number,
): ParcelSubscription {
  if (outcome.ok) return { ...current, vendor, state: 'subscribed', nextAttemptAt: null, lastError: null, subscribedAt: now }
  const attempts = current.attempts + 1
  if (!outcome.retryable) return { ...current, vendor, state: 'failed', attempts, nextAttemptAt: null, lastError: outcome.error }
  return { ...current, vendor, state: 'pending', attempts, nextAttemptAt: now + retryDelayMs(attempts), lastError: outcome.error }
}

/** A push about the parcel proves the vendor is tracking it, even if our subscribe call never got its
 * answer (a timeout after the vendor accepted). */
export function provenByPush(current: ParcelSubscription, vendor: TrackingVendor, now: number): ParcelSubscription {
  if (current.state !== 'pending' || current.vendor !== vendor) return current
  return { ...current, state: 'subscribed', nextAttemptAt: null, lastError: null, subscribedAt: current.subscribedAt ?? now }
}

/** Kuaidi100 `shutdown` / `abort` (aggregators.md §2.5): tracking ended, or re-subscribe later. */
export function afterKuaidi100Stop(current: ParcelSubscription, reason: StopReason, message: string, now: number): ParcelSubscription {
  if (current.vendor !== 'kuaidi100') return current
  const said = message ? `: ${message}` : ''
  switch (reason) {
    case 'no_record': {
      const resubscriptions = current.resubscriptions ?? 0
      if (resubscriptions >= MAX_RESUBSCRIPTIONS) {
        return {
          ...current,
          state: 'failed',
          nextAttemptAt: null,
          lastError: `abort${said}; ${resubscriptions} re-subscriptions made, giving up (4 per number per month)`,
        }
      }
      return {
        ...current,
        state: 'pending',
        attempts: 0,
        resubscriptions: resubscriptions + 1,
        nextAttemptAt: now + RESUBSCRIBE_AFTER_ABORT_MS,
        lastError: `abort${said}; re-subscribing after 30 min`,
      }
    }
    case 'shutdown':
      return { ...current, state: 'stopped', nextAttemptAt: null, lastError: null }
    case 'no_change':
    case 'unknown':
      return { ...current, state: 'stopped', nextAttemptAt: null, lastError: `abort${said}` }
    case 'carrier_corrected':
      return { ...current, state: 'stopped', nextAttemptAt: null, lastError: 'carrier corrected by Kuaidi100' }
  }
}
