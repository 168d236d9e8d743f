// A verified push's snapshots through the one merge path. Kdniao batches many waybills per push
// (§1.6); Kuaidi100 sends one, plus what it says about the subscription (polling/updateall: tracked;
// shutdown, abort: stopped or re-subscribe later; autoCheck/comOld/comNew: carrier corrected, §2.5).
import type { KdniaoPush } from '../../core/aggregators/kdniao'
import type { Kuaidi100Push } from '../../core/aggregators/kuaidi100'
import { parcelIdOf } from '../../core/api'
import type { TrackingSignal, TrackingSnapshot } from '../../core/tracking'
import { afterKuaidi100Stop, provenByPush } from '../outbox/subscriptionTransitions'
import { applySnapshot, type ApplyDeps, type ApplyResult, type SubscriptionChange } from './applyTracking'
import { correctCarrier } from './correctCarrier'

export type VerifiedPush = { vendor: 'kdniao'; push: KdniaoPush } | { vendor: 'kuaidi100'; push: Kuaidi100Push }

export interface AppliedPush {
  /** Parcels the push was about that we know (superseded ones included). */
  parcelIds: string[]
  /** Waybills that matched no parcel, or that the vendor could not describe (unknown carrier…). */
  unknown: number
}

const tally = (applied: AppliedPush, parcelId: string, result: ApplyResult): void => {
  if (result.found) applied.parcelIds.push(parcelId)
  else applied.unknown += 1
}

/** One waybill of a push, ready to be planned against its parcel. */
export interface PushTarget {
  parcelId: string
  snapshot: TrackingSnapshot
  change: SubscriptionChange
}

/** The waybills a push carries, without touching storage; null when applying it starts with a write
 * (a Kuaidi100 carrier correction moves the parcel first), which takes applyKdniaoPush/applyKuaidi100Push. */
export function pushTargets(verified: VerifiedPush): { targets: PushTarget[]; unknown: number } | null {
  if (verified.vendor === 'kdniao') {
    const targets: PushTarget[] = []
    let unknown = 0
    for (const waybill of verified.push.waybills) {
      if (!waybill.ok) unknown += 1
      else
        targets.push({
          parcelId: parcelIdOf(waybill.snapshot.carrier, waybill.snapshot.trackingNo),
          snapshot: waybill.snapshot,
          change: (current, now) => provenByPush(current, 'kdniao', now),
        })
    }
    return { targets, unknown }
  }
  const push = verified.push
  if (!push.waybill.ok) return { targets: [], unknown: 1 }
  if (push.carrierCorrection?.from && push.carrierCorrection.to) return null
  const { snapshot } = push.waybill
  return {
    targets: [{ parcelId: parcelIdOf(snapshot.carrier, snapshot.trackingNo), snapshot, change: kuaidi100Change(snapshot) }],
    unknown: 0,
  }
}

export async function applyKdniaoPush(deps: ApplyDeps, push: KdniaoPush): Promise<AppliedPush> {
  const applied: AppliedPush = { parcelIds: [], unknown: 0 }
  for (const waybill of push.waybills) {
    if (!waybill.ok) {
      applied.unknown += 1
      continue
    }
    const parcelId = parcelIdOf(waybill.snapshot.carrier, waybill.snapshot.trackingNo)
    tally(
      applied,
      parcelId,
      await applySnapshot(deps, parcelId, waybill.snapshot, 'push', (current, now) => provenByPush(current, 'kdniao', now)),
    )
  }
  return applied
}

const stopSignal = (signals: readonly TrackingSignal[]) =>
  signals.find((signal): signal is Extract<TrackingSignal, { kind: 'tracking_stopped' }> => signal.kind === 'tracking_stopped')

function kuaidi100Change(snapshot: TrackingSnapshot): SubscriptionChange {
  const stop = stopSignal(snapshot.signals)
  return stop
    ? (current, now) => afterKuaidi100Stop(current, stop.reason, stop.message ?? '', now)
    : (current, now) => provenByPush(current, 'kuaidi100', now)
}

export async function applyKuaidi100Push(deps: ApplyDeps, push: Kuaidi100Push): Promise<AppliedPush> {
  const applied: AppliedPush = { parcelIds: [], unknown: 0 }
  if (!push.waybill.ok) return { parcelIds: [], unknown: 1 }
  const { snapshot } = push.waybill
  let parcelId = parcelIdOf(snapshot.carrier, snapshot.trackingNo)
  const correction = push.carrierCorrection
  if (correction?.from && correction.to) {
    const corrected = await correctCarrier(deps, parcelIdOf(correction.from, snapshot.trackingNo), correction.to)
    if (corrected.found) parcelId = corrected.parcelId
    // The announcing abort (autoCheck=0) is about the old subscription: it carries no scans and must
    // not stop the corrected one.
    if (push.status === 'abort') {
      if (corrected.found) applied.parcelIds.push(parcelId)
      else applied.unknown += 1
      return applied
    }
  }
  tally(applied, parcelId, await applySnapshot(deps, parcelId, snapshot, 'push', kuaidi100Change(snapshot)))
  return applied
}
