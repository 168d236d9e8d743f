// Snapshot-level facts that no single scan carries: the vendor's waybill state (Kdniao State/StateEx
// when traces have no Action, Kdniao's 402 "超时未签收" computed from elapsed time, Kuaidi100
// lastResult.state) and the end of a vendor's tracking (Kuaidi100 `abort`/`shutdown`).
// `asOf` is the newest event time of the snapshot that carried the signal (null: it had no events),
// so a signal is dated by the events it describes, never by when it arrived.
import { canonicalJson } from './canonicalJson'
import type { UnifiedStatus } from './statuses'
import type { SubStatus } from './subStatuses'
import type { Vendor } from './trackingEvent'

/** Kuaidi100 `abort` causes (aggregators.md §2.5) plus `shutdown`. */
export const STOP_REASONS = ['no_change', 'no_record', 'shutdown', 'carrier_corrected', 'unknown'] as const
export type StopReason = (typeof STOP_REASONS)[number]

export type TrackingSignal =
  | { kind: 'vendor_state'; vendor: Vendor; asOf: number | null; status: UnifiedStatus; subStatus?: SubStatus; rawCode: string }
  | { kind: 'tracking_stopped'; vendor: Vendor; asOf: number | null; reason: StopReason; message?: string }

/** What a stop means for the parcel (aggregators.md §5): "60天无变化" expires it, "3天查询无记录"
 * leaves it pending (the pipeline re-subscribes); shutdown and carrier correction change nothing. */
export const STOP_REASON_STATUS: Record<StopReason, { status: UnifiedStatus; subStatus?: SubStatus } | undefined> = {
  no_change: { status: 'EXPIRED' },
  no_record: { status: 'PENDING', subStatus: 'NO_INFO' },
  shutdown: undefined,
  carrier_corrected: undefined,
  unknown: undefined,
}

const signalKey = (signal: TrackingSignal) => `${signal.vendor}|${signal.kind}`
const asOfOrder = (asOf: number | null) => asOf ?? -Infinity

// Per vendor and kind only the newest matters: an older one describes events that newer ones
// superseded. Newest by asOf, then canonical JSON, so the choice is a total order (a join).
function newer(a: TrackingSignal, b: TrackingSignal): TrackingSignal {
  if (a.asOf !== b.asOf) return asOfOrder(a.asOf) > asOfOrder(b.asOf) ? a : b
  return canonicalJson(a) >= canonicalJson(b) ? a : b
}

export function mergeSignals(a: readonly TrackingSignal[], b: readonly TrackingSignal[]): TrackingSignal[] {
  const byKey = new Map<string, TrackingSignal>()
  for (const signal of [...a, ...b]) {
    const key = signalKey(signal)
    const existing = byKey.get(key)
    byKey.set(key, existing ? newer(existing, signal) : signal)
  }
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, signal]) => signal)
}

/** A signal speaks for the parcel only while no event newer than its snapshot is known. */
export function isSignalCurrent(signal: TrackingSignal, lastEventAt: number | null): boolean {
  return asOfOrder(signal.asOf) >= asOfOrder(lastEventAt)
}
