// One Kdniao waybill (query answer or push item) → TrackingSnapshot. Traces come oldest first
// (§1.4) but order is irrelevant: events are a set. The waybill-level StateEx (or State when there
// is no StateEx) becomes a `vendor_state` signal dated by the newest trace, which is what decides
// the status when traces carry no Action (1008/101) or when Kdniao flags a time-based anomaly
// (402 超时未签收) that no trace shows.
import { normaliseTrackingNumber } from '../../carriers/normaliseTrackingNumber'
import { carrierFromKdniao } from '../../carriers/vendorCarrierCodes'
import type { Digests } from '../../crypto/digests'
import { buildTrackingEvent } from '../../tracking/buildTrackingEvent'
import type { EtaClaim } from '../../tracking/etaClaim'
import { mapKdniaoStatus } from '../../tracking/mapVendorStatus'
import type { TrackingEvent } from '../../tracking/trackingEvent'
import type { TrackingSignal } from '../../tracking/trackingSignal'
import { snapshotAsOf } from '../../tracking/trackingSnapshot'
import { parseVendorTime } from '../../tracking/vendorTime'
import type { TraceIssue, WaybillSnapshotResult } from '../vendorWire'
import { kdniaoVendorMap } from './kdniaoMap'
import type { KdniaoWaybill } from './kdniaoSchemas'

/** `topLevel`: the push envelope, where some SDKs put the map fields (kdniaoMap.ts). */
export function kdniaoSnapshot(
  waybill: KdniaoWaybill,
  digests: Digests,
  topLevel: Record<string, unknown> | null = null,
): WaybillSnapshotResult {
  const number = normaliseTrackingNumber(waybill.LogisticCode)
  if (!number.ok) return { ok: false, reason: 'invalid_tracking_number', trackingNo: waybill.LogisticCode }
  const { trackingNo } = number
  if (!waybill.Success) return { ok: false, reason: 'vendor_failure', trackingNo, message: waybill.Reason ?? '' }
  const carrier = carrierFromKdniao(waybill.ShipperCode ?? '')
  if (!carrier.ok) return { ok: false, reason: 'unknown_carrier', vendorCarrier: waybill.ShipperCode ?? '', trackingNo }

  const events: TrackingEvent[] = []
  const issues: TraceIssue[] = []
  waybill.Traces.forEach((trace, traceIndex) => {
    const built = buildTrackingEvent(
      {
        vendor: 'kdniao',
        carrier: carrier.carrier,
        trackingNo,
        time: trace.AcceptTime,
        text: trace.AcceptStation,
        location: trace.Location,
        code: trace.Action ? mapKdniaoStatus(trace.Action) : undefined,
      },
      digests,
    )
    if (built.ok) events.push(built.event)
    else issues.push({ traceIndex, reason: built.reason, time: built.time })
  })

  const asOf = snapshotAsOf(events)
  const stateCode = waybill.StateEx || waybill.State
  const signals: TrackingSignal[] = []
  if (stateCode) {
    const mapped = mapKdniaoStatus(stateCode)
    signals.push({
      kind: 'vendor_state',
      vendor: 'kdniao',
      asOf,
      status: mapped.status,
      ...(mapped.subStatus ? { subStatus: mapped.subStatus } : {}),
      rawCode: mapped.rawCode,
    })
  }

  let eta: EtaClaim | null = null
  if (waybill.EstimatedDeliveryTime) {
    const parsed = parseVendorTime(waybill.EstimatedDeliveryTime)
    if (parsed.ok) eta = { at: parsed.at, zone: parsed.zone, localTime: parsed.localTime, vendor: 'kdniao', asOf }
  }

  const map = kdniaoVendorMap(waybill, topLevel, asOf)
  return {
    ok: true,
    snapshot: { vendor: 'kdniao', carrier: carrier.carrier, trackingNo, events, signals, eta, ...(map ? { map } : {}) },
    issues,
  }
}
