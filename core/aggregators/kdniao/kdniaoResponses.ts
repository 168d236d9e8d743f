// Parsers for Kdniao answers to our requests (aggregators.md §1.4, §1.5, §1.7). Every parser takes
// the raw response text and returns a value; nothing throws on vendor input.
import type { CarrierCode } from '../../carriers/carrierRegistry'
import { carrierFromKdniao } from '../../carriers/vendorCarrierCodes'
import type { Digests } from '../../crypto/digests'
import { parseVendorTime, type VendorInstant } from '../../tracking/vendorTime'
import { describeIssues, parseVendorJson, type MalformedResponse, type WaybillSnapshotResult } from '../vendorWire'
import { classifyKdniaoFailure, type KdniaoFailure } from './kdniaoFailures'
import { kdniaoRecognitionResponseSchema, kdniaoSubscribeResponseSchema, kdniaoWaybillSchema } from './kdniaoSchemas'
import { kdniaoSnapshot } from './kdniaoSnapshot'

/** 1002 / 8001 / 8002. "No trace yet" is success with no events (State 0, `暂无轨迹信息`). */
export function parseKdniaoQueryResponse(text: string, digests: Digests): WaybillSnapshotResult | KdniaoFailure | MalformedResponse {
  const json = parseVendorJson(text)
  if (!json.ok) return json
  const parsed = kdniaoWaybillSchema.safeParse(json.value)
  if (!parsed.success) {
    // A failure answer may lack LogisticCode; it is still a vendor failure, not a malformed one.
    const failure = kdniaoSubscribeResponseSchema.safeParse(json.value)
    if (failure.success && !failure.data.Success) return classifyKdniaoFailure(failure.data.Reason)
    return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error.issues) }
  }
  if (!parsed.data.Success) return classifyKdniaoFailure(parsed.data.Reason)
  return kdniaoSnapshot(parsed.data, digests)
}

export type KdniaoSubscribeResult = { ok: true; updateTime: string | null; eta: VendorInstant | null } | KdniaoFailure | MalformedResponse

/** 8008 / 1008. Success only means "accepted": Kdniao does not validate the number (§1.5). */
export function parseKdniaoSubscribeResponse(text: string): KdniaoSubscribeResult {
  const json = parseVendorJson(text)
  if (!json.ok) return json
  const parsed = kdniaoSubscribeResponseSchema.safeParse(json.value)
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error.issues) }
  if (!parsed.data.Success) return classifyKdniaoFailure(parsed.data.Reason)
  const eta = parsed.data.EstimatedDeliveryTime ? parseVendorTime(parsed.data.EstimatedDeliveryTime) : null
  return {
    ok: true,
    updateTime: parsed.data.UpdateTime ?? null,
    eta: eta && eta.ok ? { at: eta.at, zone: eta.zone, localTime: eta.localTime } : null,
  }
}

export type KdniaoRecognitionResult =
  { ok: true; trackingNo: string | null; carriers: CarrierCode[]; unknownShipperCodes: string[] } | KdniaoFailure | MalformedResponse

/** 2002: candidates in Kdniao's order of likelihood; an empty list means "unknown". */
export function parseKdniaoRecognitionResponse(text: string): KdniaoRecognitionResult {
  const json = parseVendorJson(text)
  if (!json.ok) return json
  const parsed = kdniaoRecognitionResponseSchema.safeParse(json.value)
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error.issues) }
  if (!parsed.data.Success) return classifyKdniaoFailure(parsed.data.Reason)
  const carriers: CarrierCode[] = []
  const unknownShipperCodes: string[] = []
  for (const shipper of parsed.data.Shippers) {
    const lookup = carrierFromKdniao(shipper.ShipperCode)
    if (!lookup.ok) unknownShipperCodes.push(shipper.ShipperCode)
    else if (!carriers.includes(lookup.carrier)) carriers.push(lookup.carrier)
  }
  return { ok: true, trackingNo: parsed.data.LogisticCode ?? null, carriers, unknownShipperCodes }
}
