// The parcel derivation (server/useCases/parcelDerivations.ts) that records, at merge, which
// subscribe-message events the move from `before` to `next` derives. Pure and idempotent: it only
// adds events the parcel has never derived, so a re-applied push derives nothing new.
import type { ParcelDoc } from '../../core/api'
import { deriveNotify } from '../../core/notify'

export function withNotifyEvents(next: ParcelDoc, context: { before: ParcelDoc; now: number }): ParcelDoc {
  const notify = deriveNotify(next.notify, context.before.status, next.status, context.now)
  return notify === next.notify || (next.notify === undefined && notify.dueAt === null) ? next : { ...next, notify }
}
