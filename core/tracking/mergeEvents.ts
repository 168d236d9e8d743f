// Event sets merge as a join: union by id, one deterministic version per id, then the newest N.
// Commutative, associative and idempotent, so pushes, polls and retries can land in any order
// (DESIGN §3.2). The cap order (at, id) does not depend on which version of an event won, which is
// what keeps the cap associative: an event inside the final newest N is inside every partial merge.
import { canonicalJson } from './canonicalJson'
import type { TrackingEvent } from './trackingEvent'

/** reference/wechat.md §2.5: keep the parcel doc small; 100 scans is several times a normal journey. */
export const MAX_EVENTS_PER_PARCEL = 100

/** Newest first; equal instants by id so the order is total. */
export function compareNewestFirst(a: TrackingEvent, b: TrackingEvent): number {
  if (a.at !== b.at) return b.at - a.at
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

const detail = (event: TrackingEvent) =>
  (event.rawCode !== undefined ? 8 : 0) + (event.subStatus ? 4 : 0) + (event.location ? 2 : 0) + (event.courier ? 1 : 0)

function sameVersion(a: TrackingEvent, b: TrackingEvent): boolean {
  return (
    a.vendor === b.vendor &&
    a.status === b.status &&
    a.subStatus === b.subStatus &&
    a.rawCode === b.rawCode &&
    a.location === b.location &&
    a.zone === b.zone &&
    a.localTime === b.localTime &&
    a.text === b.text &&
    a.courier?.kind === b.courier?.kind &&
    a.courier?.name === b.courier?.name &&
    a.courier?.phone === b.courier?.phone
  )
}

/** Two reports of one scan (same id): keep the one a vendor coded and described more fully; the
 * canonical-JSON comparison last makes the choice a total order, hence independent of arrival. */
export function preferredVersion(a: TrackingEvent, b: TrackingEvent): TrackingEvent {
  if (a === b || sameVersion(a, b)) return a
  const byDetail = detail(a) - detail(b)
  if (byDetail !== 0) return byDetail > 0 ? a : b
  return canonicalJson(a) >= canonicalJson(b) ? a : b
}

export function mergeEvents(
  a: readonly TrackingEvent[],
  b: readonly TrackingEvent[],
  maxEvents: number = MAX_EVENTS_PER_PARCEL,
): TrackingEvent[] {
  const byId = new Map<string, TrackingEvent>()
  for (const event of [...a, ...b]) {
    const existing = byId.get(event.id)
    byId.set(event.id, existing ? preferredVersion(existing, event) : event)
  }
  return [...byId.values()].sort(compareNewestFirst).slice(0, maxEvents)
}
