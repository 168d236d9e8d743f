// One Kuaidi100 result (`lastResult` of a push, or a query answer) → TrackingSnapshot. `data` is
// newest first (§2.5) but order is irrelevant: events are a set. Per-trace `statusCode` exists only
// with resultv2; without it the status is read from the text. `state` becomes a `vendor_state`
// signal, but only when there are traces: Kuaidi100 reports state 0 (在途) for numbers with no data.
import { normaliseTrackingNumber } from '../../carriers/normaliseTrackingNumber'
import { carrierFromKuaidi100 } from '../../carriers/vendorCarrierCodes'
import type { Digests } from '../../crypto/digests'
import { buildTrackingEvent } from '../../tracking/buildTrackingEvent'
import { mapKuaidi100Status } from '../../tracking/mapVendorStatus'
import type { TrackingEvent } from '../../tracking/trackingEvent'
import type { StopReason, TrackingSignal } from '../../tracking/trackingSignal'
import { snapshotAsOf } from '../../tracking/trackingSnapshot'
import type { TraceIssue, WaybillSnapshotResult } from '../vendorWire'
import type { EtaClaim } from '../../tracking/etaClaim'
import { parseVendorTime } from '../../tracking/vendorTime'
import { kuaidi100VendorMap } from './kuaidi100Map'
import type { Kuaidi100Result } from './kuaidi100Schemas'

export interface Kuaidi100SnapshotOptions {
  /** Destination-country leg (`destResult`, interCom=1): same parcel, more scans. */
  destResult?: Kuaidi100Result | null
  /** From the push envelope (`abort`, `shutdown`). */
  stop?: { reason: StopReason; message: string } | null
}

export function kuaidi100Snapshot(
  result: Kuaidi100Result,
  digests: Digests,
  options: Kuaidi100SnapshotOptions = {},
): WaybillSnapshotResult {
  const number = normaliseTrackingNumber(result.nu)
  if (!number.ok) return { ok: false, reason: 'invalid_tracking_number', trackingNo: result.nu }
  const { trackingNo } = number
  const carrier = carrierFromKuaidi100(result.com)
  if (!carrier.ok) return { ok: false, reason: 'unknown_carrier', vendorCarrier: result.com, trackingNo }

  const traces = [...result.data, ...(options.destResult?.data ?? [])]
  const events: TrackingEvent[] = []
  const issues: TraceIssue[] = []
  traces.forEach((trace, traceIndex) => {
    const time = trace.ftime || trace.time || ''
    const built = buildTrackingEvent(
      {
        vendor: 'kuaidi100',
        carrier: carrier.carrier,
        trackingNo,
        time,
        text: trace.context ?? '',
        location: trace.location || trace.areaName,
        code: trace.statusCode ? mapKuaidi100Status(trace.statusCode) : undefined,
      },
      digests,
    )
    if (built.ok) events.push(built.event)
    else issues.push({ traceIndex, reason: built.reason, time })
  })

  const asOf = snapshotAsOf(events)
  const signals: TrackingSignal[] = []
  if (result.state && events.length > 0) {
    const mapped = mapKuaidi100Status(result.state)
    signals.push({
      kind: 'vendor_state',
      vendor: 'kuaidi100',
      asOf,
      status: mapped.status,
      ...(mapped.subStatus ? { subStatus: mapped.subStatus } : {}),
      rawCode: mapped.rawCode,
    })
  }
  if (options.stop) {
    signals.push({
      kind: 'tracking_stopped',
      vendor: 'kuaidi100',
      asOf,
      reason: options.stop.reason,
      ...(options.stop.message ? { message: options.stop.message } : {}),
    })
  }
  // pollmap / maptrack: arrivalTime (format UNVERIFIED; read like every vendor time) is the vendor's ETA.
  const arrival = typeof result.arrivalTime === 'string' && result.arrivalTime ? parseVendorTime(result.arrivalTime) : null
  const eta: EtaClaim | null = arrival?.ok
    ? { at: arrival.at, zone: arrival.zone, localTime: arrival.localTime, vendor: 'kuaidi100', asOf }
    : null
  const map = kuaidi100VendorMap(result, asOf)
  return {
    ok: true,
    snapshot: { vendor: 'kuaidi100', carrier: carrier.carrier, trackingNo, events, signals, eta, ...(map ? { map } : {}) },
    issues,
  }
}
