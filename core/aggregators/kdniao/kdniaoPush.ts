// Kdniao pushes (aggregators.md §1.6): a form with RequestData (JSON), RequestType (101/102; 107 is
// COD and not ours) and DataSign over the decoded RequestData. One push may batch several waybills,
// each a full snapshot, and the same push may arrive twice or after a newer one.
import { constantTimeEqual } from '../../crypto/constantTimeEqual'
import type { Digests } from '../../crypto/digests'
import { formatChinaTime } from '../../tracking/vendorTime'
import { decodeFormComponent, parseFormBody } from '../formBody'
import {
  describeIssues,
  fieldIgnoringCase,
  JSON_CONTENT_TYPE,
  type SignatureCheck,
  type VendorAck,
  type WaybillSnapshotResult,
} from '../vendorWire'
import { kdniaoDataSign } from './kdniaoDataSign'
import { kdniaoPushSchema } from './kdniaoSchemas'
import { kdniaoSnapshot } from './kdniaoSnapshot'

/** Push RequestTypes that carry tracking: 101 for 1008 subscriptions, 102 for 8008 (增值版). */
export const KDNIAO_TRACKING_PUSH_TYPES = ['101', '102'] as const

export type KdniaoPushVerification = SignatureCheck<{
  requestType: string
  /** RequestData exactly as signed. */
  requestData: string
  /** True when only the double-decoded form matched (a sender that pre-encoded; §1.6). */
  decodedTwice: boolean
}>

/** Verifies the signature of a raw push body. Fails closed: anything unexpected is not `ok`. */
export function verifyKdniaoPush(rawBody: string, appKey: string, digests: Digests): KdniaoPushVerification {
  const form = parseFormBody(rawBody)
  if (!form.ok) return { ok: false, reason: 'malformed', detail: form.detail }
  const requestData = form.fields.get('RequestData')
  const dataSign = form.fields.get('DataSign')
  const requestType = form.fields.get('RequestType') ?? ''
  if (requestData === undefined) return { ok: false, reason: 'malformed', detail: 'RequestData missing' }
  if (!dataSign) return { ok: false, reason: 'missing_signature', detail: 'DataSign missing' }
  if (constantTimeEqual(kdniaoDataSign(requestData, appKey, digests), dataSign)) {
    return { ok: true, requestType, requestData, decodedTwice: false }
  }
  // Some senders percent-encode the fields before form-encoding them. A second decode is tried only
  // after the exact value failed, because decoding again corrupts text containing `%` or `+`.
  const twiceData = decodeFormComponent(requestData)
  const twiceSign = decodeFormComponent(dataSign)
  if (
    twiceData.ok &&
    twiceSign.ok &&
    (twiceData.value !== requestData || twiceSign.value !== dataSign) &&
    constantTimeEqual(kdniaoDataSign(twiceData.value, appKey, digests), twiceSign.value)
  ) {
    return { ok: true, requestType, requestData: twiceData.value, decodedTwice: true }
  }
  return { ok: false, reason: 'bad_signature', detail: 'DataSign does not match RequestData' }
}

export interface KdniaoPush {
  eBusinessId: string
  pushTime: string | null
  /** `Count` as sent (a string on the wire); informational, `waybills` is what arrived. */
  count: string | null
  waybills: Array<WaybillSnapshotResult & { callback: string | null }>
}

export type KdniaoPushParse = { ok: true; push: KdniaoPush } | { ok: false; reason: 'malformed'; detail: string }

/** Parses a verified RequestData into per-waybill snapshots; one bad waybill does not sink the rest. */
export function parseKdniaoPush(requestData: string, digests: Digests): KdniaoPushParse {
  let json: unknown
  try {
    json = JSON.parse(requestData)
  } catch {
    return { ok: false, reason: 'malformed', detail: 'RequestData is not JSON' }
  }
  const parsed = kdniaoPushSchema.safeParse(json)
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error.issues) }
  const waybills = parsed.data.Data.map((waybill) => {
    const callback = fieldIgnoringCase(waybill, 'callback')
    return { ...kdniaoSnapshot(waybill, digests, parsed.data), callback: typeof callback === 'string' && callback !== '' ? callback : null }
  })
  return {
    ok: true,
    push: { eBusinessId: parsed.data.EBusinessID, pushTime: parsed.data.PushTime ?? null, count: parsed.data.Count ?? null, waybills },
  }
}

export type KdniaoPushRead =
  | { ok: true; requestType: string; tracking: true; push: KdniaoPush }
  /** Signed and valid, but not a tracking push (e.g. 107 COD): acknowledge and ignore. */
  | { ok: true; requestType: string; tracking: false }
  | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'malformed'; detail: string }

/** verifyKdniaoPush + parseKdniaoPush: what the push receiver calls with the raw body. */
export function readKdniaoPush(rawBody: string, appKey: string, digests: Digests): KdniaoPushRead {
  const verified = verifyKdniaoPush(rawBody, appKey, digests)
  if (!verified.ok) return verified
  if (!(KDNIAO_TRACKING_PUSH_TYPES as readonly string[]).includes(verified.requestType)) {
    return { ok: true, requestType: verified.requestType, tracking: false }
  }
  const parsed = parseKdniaoPush(verified.requestData, digests)
  return parsed.ok ? { ok: true, requestType: verified.requestType, tracking: true, push: parsed.push } : parsed
}

/** The exact success ack: `{"EBusinessID","UpdateTime","Success":true,"Reason":""}` (§1.6). */
export function kdniaoPushAck(eBusinessId: string, now: number): VendorAck {
  const body = JSON.stringify({ EBusinessID: eBusinessId, UpdateTime: formatChinaTime(now), Success: true, Reason: '' })
  return { statusCode: 200, contentType: JSON_CONTENT_TYPE, body }
}

/** `Success:false` tells Kdniao to retry; use it for transient failures (storage), not bad payloads. */
export function kdniaoPushFailureAck(eBusinessId: string, now: number, reason: string): VendorAck {
  const body = JSON.stringify({ EBusinessID: eBusinessId, UpdateTime: formatChinaTime(now), Success: false, Reason: reason })
  return { statusCode: 200, contentType: JSON_CONTENT_TYPE, body }
}
