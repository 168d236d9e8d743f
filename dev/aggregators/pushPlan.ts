// Turns a story's timeline into the pushes one subscription will send, then applies the fault
// knobs. A push carries a FULL snapshot: everything up to `cutoff` (the number of events), never
// a delta (reference/aggregators.md §1.6, §2.5). Events that happened before the subscription
// collapse into one snapshot sent at subscribe time.
import { knobFires, type Faults } from './faults'
import type { TimedEvent } from './stories'

export interface PlannedPush {
  /** Clock instant to send. */
  at: number
  /** How many timeline events the snapshot includes. */
  cutoff: number
  /** Index of the snapshot in the undisturbed plan (stable across faults). */
  index: number
  corrupt: boolean
  /** This is the second copy of a duplicated push. */
  copy: boolean
}

export function planSnapshots(timeline: readonly TimedEvent[], subscribedAt: number): Array<{ at: number; cutoff: number }> {
  const snapshots: Array<{ at: number; cutoff: number }> = []
  timeline.forEach((event, i) => {
    const next = timeline[i + 1]
    if (next && next.instant === event.instant) return
    const at = Math.max(event.instant, subscribedAt)
    const last = snapshots[snapshots.length - 1]
    if (last && last.at === at) last.cutoff = i + 1
    else snapshots.push({ at, cutoff: i + 1 })
  })
  return snapshots
}

/** Applies delay, reorder, drop, duplicate and corrupt-signature, in that order. */
export function applyFaults(
  snapshots: ReadonlyArray<{ at: number; cutoff: number }>,
  faults: Faults,
  seed: number,
  trackingNo: string,
  speed: number,
): PlannedPush[] {
  const delay = Math.round((faults.delayMs ?? 0) / speed)
  const pushes = snapshots.map((snapshot, index) => ({ at: snapshot.at + delay, cutoff: snapshot.cutoff, index }))
  if (faults.reorder) {
    // Hold snapshot 0 until just after 1, 2 until after 3, …: an older snapshot lands last.
    for (let i = 0; i + 1 < pushes.length; i += 2) {
      const [held, next] = [pushes[i], pushes[i + 1]]
      if (!held || !next) break
      held.at = next.at
      ;[pushes[i], pushes[i + 1]] = [next, held]
    }
  }
  const planned: PlannedPush[] = []
  for (const push of pushes) {
    if (knobFires(faults.drop, seed, `drop|${trackingNo}|${push.index}`)) continue
    const corrupt = knobFires(faults.corruptSignature, seed, `corrupt|${trackingNo}|${push.index}`)
    planned.push({ ...push, corrupt, copy: false })
    if (knobFires(faults.duplicate, seed, `duplicate|${trackingNo}|${push.index}`)) planned.push({ ...push, corrupt, copy: true })
  }
  return planned
}
