// Parcel status = f(events, signals), never a running value updated by arrival (DESIGN §3.2).
// Candidates are the scans at the newest event time and the signals dated at that time; the highest
// rank wins (aggregators.md §5: rank breaks ties between claims for the same instant). A later scan
// therefore always decides, even against a terminal status (EXPIRED re-opens; a mis-scanned DELIVERED
// is corrected), and an old snapshot arriving late cannot move the status back.
import { STATUSES, UNIFIED_STATUSES, type UnifiedStatus } from './statuses'
import type { SubStatus } from './subStatuses'
import type { TrackingEvent, Vendor } from './trackingEvent'
import { isSignalCurrent, STOP_REASON_STATUS, type TrackingSignal } from './trackingSignal'

export interface StatusSource {
  kind: 'event' | TrackingSignal['kind']
  vendor: Vendor
  rawCode: string | null
}

export interface DerivedStatus {
  status: UnifiedStatus
  subStatus: SubStatus | null
  terminal: boolean
  lastEventAt: number | null
  /** Which claim decided the status, for audit; null when nothing is known yet. */
  statusSource: StatusSource | null
}

interface Candidate {
  status: UnifiedStatus
  subStatus: SubStatus | null
  source: StatusSource
}

function candidateKey(candidate: Candidate): string {
  const { source } = candidate
  return `${candidate.subStatus ?? ''}|${source.vendor}|${source.rawCode ?? ''}`
}

// For the same status, a scan is the better-documented source than a waybill-level restatement of it.
const SOURCE_PREFERENCE: Record<StatusSource['kind'], number> = { event: 2, vendor_state: 1, tracking_stopped: 0 }

// Rank first; among equal ranks the later status in DESIGN order (EXCEPTION over AWAITING_PICKUP);
// then the more specific claim (with a sub-status: a scan's 301 本人签收 over the waybill's plain 3);
// then a scan over a signal; then a fixed string order so equal claims resolve the same way every time.
function outranks(a: Candidate, b: Candidate): boolean {
  const rank = STATUSES[a.status].rank - STATUSES[b.status].rank
  if (rank !== 0) return rank > 0
  const order = UNIFIED_STATUSES.indexOf(a.status) - UNIFIED_STATUSES.indexOf(b.status)
  if (order !== 0) return order > 0
  if ((a.subStatus === null) !== (b.subStatus === null)) return a.subStatus !== null
  const source = SOURCE_PREFERENCE[a.source.kind] - SOURCE_PREFERENCE[b.source.kind]
  if (source !== 0) return source > 0
  return candidateKey(a) > candidateKey(b)
}

function signalCandidate(signal: TrackingSignal): Candidate | undefined {
  if (signal.kind === 'vendor_state') {
    return {
      status: signal.status,
      subStatus: signal.subStatus ?? null,
      source: { kind: signal.kind, vendor: signal.vendor, rawCode: signal.rawCode },
    }
  }
  const effect = STOP_REASON_STATUS[signal.reason]
  return (
    effect && {
      status: effect.status,
      subStatus: effect.subStatus ?? null,
      source: { kind: signal.kind, vendor: signal.vendor, rawCode: signal.reason },
    }
  )
}

/** `events` newest first (as stored). */
export function deriveStatus(events: readonly TrackingEvent[], signals: readonly TrackingSignal[]): DerivedStatus {
  const lastEventAt = events[0]?.at ?? null
  const candidates: Candidate[] = []
  for (const event of events) {
    if (event.at !== lastEventAt) break
    candidates.push({
      status: event.status,
      subStatus: event.subStatus ?? null,
      source: { kind: 'event', vendor: event.vendor, rawCode: event.rawCode ?? null },
    })
  }
  for (const signal of signals) {
    const candidate = isSignalCurrent(signal, lastEventAt) ? signalCandidate(signal) : undefined
    if (candidate) candidates.push(candidate)
  }
  const best = candidates.reduce<Candidate | undefined>(
    (winner, candidate) => (!winner || outranks(candidate, winner) ? candidate : winner),
    undefined,
  )
  if (!best) return { status: 'PENDING', subStatus: null, terminal: false, lastEventAt, statusSource: null }
  return {
    status: best.status,
    subStatus: best.subStatus,
    terminal: STATUSES[best.status].terminal,
    lastEventAt,
    statusSource: best.source,
  }
}
