// Chooses the next push of a load run from a seeded generator, the way an aggregator's traffic looks
// to a receiver: new snapshots (sometimes several waybills in one push), byte-identical re-sends,
// older snapshots arriving after newer ones, and forged pushes (wrong key, or no signature at all).
// It remembers, per parcel, the longest snapshot any valid push carried: that is the expectation.
import { forgedScan, kdniaoPushBody, scanOf, STORY_ACTIONS, type Waybill } from './loadStories'
import { nth } from '../../test/support/nth'

export type PushKind = 'new' | 'duplicate' | 'out-of-order' | 'forged'
export const PUSH_KINDS: readonly PushKind[] = ['new', 'duplicate', 'out-of-order', 'forged']

export interface PlannedPush {
  kind: PushKind
  body: string
  valid: boolean
}

export interface LoadCredentials {
  eBusinessId: string
  appKey: string
}

/** Share of each kind; the rest of a draw falls to `new`. */
const MIX = { duplicate: 0.2, outOfOrder: 0.2, forged: 0.15 }
const BATCH_CHANCE = 0.25
const MAX_BATCH = 3
/** Re-sendable bodies kept (reservoir sample), enough for variety without holding a whole run. */
const RESEND_POOL = 2000

/** mulberry32: small, seeded, the same on every Node version. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class LoadPlan {
  /** Scans handed to `new` pushes so far, per parcel. */
  private readonly allocated: number[]
  /** The longest snapshot a valid push carried, per parcel. */
  private readonly carried: number[]
  private readonly resendPool: string[] = []
  private pushes = 0

  constructor(
    private readonly trackingNos: readonly string[],
    private readonly credentials: LoadCredentials,
    private readonly random: () => number,
  ) {
    this.allocated = trackingNos.map(() => 0)
    this.carried = trackingNos.map(() => 0)
  }

  /** Scans 1..n of parcel `index` were carried by some valid push. */
  scansCarried(index: number): number {
    return this.carried[index] ?? 0
  }

  next(): PlannedPush {
    const draw = this.random()
    if (draw < MIX.forged) return this.forged()
    if (draw < MIX.forged + MIX.duplicate && this.resendPool.length > 0) return this.duplicate()
    if (draw < MIX.forged + MIX.duplicate + MIX.outOfOrder) return this.outOfOrder() ?? this.fresh() ?? this.forged()
    return this.fresh() ?? this.outOfOrder() ?? this.forged()
  }

  private pick(candidates: number[]): number {
    return nth(candidates, Math.floor(this.random() * candidates.length))
  }

  private pushTime(): string {
    // Distinct per push, so an older snapshot re-sent later is a new body (not a byte-identical re-send).
    this.pushes += 1
    return new Date(Date.UTC(2025, 2, 10) + this.pushes * 1000).toISOString().replace('T', ' ').slice(0, 19)
  }

  private waybill(index: number, scans: number): Waybill {
    return { trackingNo: nth(this.trackingNos, index), scans: Array.from({ length: scans }, (_, scan) => scanOf(index, scan)) }
  }

  private valid(kind: PushKind, waybills: Array<[number, number]>): PlannedPush {
    for (const [index, scans] of waybills) this.carried[index] = Math.max(this.carried[index] ?? 0, scans)
    const body = kdniaoPushBody(
      this.credentials.eBusinessId,
      waybills.map(([index, scans]) => this.waybill(index, scans)),
      this.pushTime(),
      this.credentials.appKey,
    )
    if (this.resendPool.length < RESEND_POOL) this.resendPool.push(body)
    else this.resendPool[Math.floor(this.random() * RESEND_POOL)] = body
    return { kind, body, valid: true }
  }

  private fresh(): PlannedPush | undefined {
    const open = this.allocated.flatMap((scans, index) => (scans < STORY_ACTIONS.length ? [index] : []))
    if (open.length === 0) return undefined
    const size = this.random() < BATCH_CHANCE ? Math.min(open.length, 2 + Math.floor(this.random() * (MAX_BATCH - 1))) : 1
    const chosen = new Set<number>()
    while (chosen.size < size) chosen.add(this.pick(open))
    return this.valid(
      'new',
      [...chosen].map((index) => {
        const scans = (this.allocated[index] ?? 0) + 1
        this.allocated[index] = scans
        return [index, scans]
      }),
    )
  }

  private duplicate(): PlannedPush {
    return { kind: 'duplicate', body: nth(this.resendPool, Math.floor(this.random() * this.resendPool.length)), valid: true }
  }

  private outOfOrder(): PlannedPush | undefined {
    const behind = this.allocated.flatMap((scans, index) => (scans >= 2 ? [index] : []))
    if (behind.length === 0) return undefined
    const index = this.pick(behind)
    return this.valid('out-of-order', [[index, 1 + Math.floor(this.random() * ((this.allocated[index] ?? 1) - 1))]])
  }

  private forged(): PlannedPush {
    const index = Math.floor(this.random() * this.trackingNos.length)
    const waybill = this.waybill(index, Math.max(1, this.allocated[index] ?? 0))
    waybill.scans.push(forgedScan(index))
    // Half signed with another key, half with no DataSign at all.
    const key = this.random() < 0.5 ? `${this.credentials.appKey}-forged` : null
    return { kind: 'forged', body: kdniaoPushBody(this.credentials.eBusinessId, [waybill], this.pushTime(), key), valid: false }
  }
}
