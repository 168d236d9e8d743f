// Kuaidi100 pushes (aggregators.md §2.5): a form with `param` (JSON) and `sign` = UPPER(MD5(param +
// salt)). Verified case-insensitively because PHP receivers and some senders use lowercase md5().
// `status`: polling | updateall (snapshots), shutdown (signed, tracking ended), abort ("3天查询无记录",
// "60天无变化", or a carrier correction with autoCheck=0 + comNew).
import type { CarrierCode } from '../../carriers/carrierRegistry'
import { carrierFromKuaidi100 } from '../../carriers/vendorCarrierCodes'
import { constantTimeEqual } from '../../crypto/constantTimeEqual'
import type { Digests } from '../../crypto/digests'
import type { StopReason } from '../../tracking/trackingSignal'
import { parseFormBody } from '../formBody'
import { describeIssues, JSON_CONTENT_TYPE, type SignatureCheck, type VendorAck, type WaybillSnapshotResult } from '../vendorWire'
import { kuaidi100PushParamSchema, type Kuaidi100PushParam } from './kuaidi100Schemas'
import { kuaidi100CallbackSign } from './kuaidi100Sign'
import { kuaidi100Snapshot } from './kuaidi100Snapshot'

export type Kuaidi100PushVerification = SignatureCheck<{ param: string }>

/** We always subscribe with a salt, so a push without `sign` is rejected (fail closed, §10). */
export function verifyKuaidi100Push(rawBody: string, salt: string, digests: Digests): Kuaidi100PushVerification {
  const form = parseFormBody(rawBody)
  if (!form.ok) return { ok: false, reason: 'malformed', detail: form.detail }
  const param = form.fields.get('param')
  const sign = form.fields.get('sign')
  if (param === undefined) return { ok: false, reason: 'malformed', detail: 'param missing' }
  if (!sign) return { ok: false, reason: 'missing_signature', detail: 'sign missing' }
  if (!constantTimeEqual(kuaidi100CallbackSign(param, salt, digests), sign.toUpperCase())) {
    return { ok: false, reason: 'bad_signature', detail: 'sign does not match param' }
  }
  return { ok: true, param }
}

export interface CarrierCorrection {
  fromVendorCode: string
  toVendorCode: string
  from: CarrierCode | null
  to: CarrierCode | null
}

export interface Kuaidi100Push {
  status: string
  message: string
  /** Kuaidi100 found the submitted carrier wrong and re-subscribed under `to` (§2.5). */
  carrierCorrection: CarrierCorrection | null
  waybill: WaybillSnapshotResult
}

export type Kuaidi100PushParse = { ok: true; push: Kuaidi100Push } | { ok: false; reason: 'malformed'; detail: string }

function stopReason(param: Kuaidi100PushParam): StopReason | null {
  if (param.status === 'shutdown') return 'shutdown'
  if (param.status !== 'abort') return null
  if (param.autoCheck === '0' && param.comNew) return 'carrier_corrected'
  const message = param.message ?? ''
  if (/60\s*天/.test(message)) return 'no_change'
  if (/3\s*天/.test(message)) return 'no_record'
  return 'unknown'
}

function carrierCorrection(param: Kuaidi100PushParam): CarrierCorrection | null {
  if (!param.comNew) return null
  const fromVendorCode = param.autoCheck === '1' && param.comOld ? param.comOld : param.lastResult.com
  if (fromVendorCode === param.comNew) return null
  const from = carrierFromKuaidi100(fromVendorCode)
  const to = carrierFromKuaidi100(param.comNew)
  return { fromVendorCode, toVendorCode: param.comNew, from: from.ok ? from.carrier : null, to: to.ok ? to.carrier : null }
}

export function parseKuaidi100Push(param: string, digests: Digests): Kuaidi100PushParse {
  let json: unknown
  try {
    json = JSON.parse(param)
  } catch {
    return { ok: false, reason: 'malformed', detail: 'param is not JSON' }
  }
  const parsed = kuaidi100PushParamSchema.safeParse(json)
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error.issues) }
  const reason = stopReason(parsed.data)
  const message = parsed.data.message ?? ''
  const waybill = kuaidi100Snapshot(parsed.data.lastResult, digests, {
    destResult: parsed.data.destResult,
    stop: reason ? { reason, message } : null,
  })
  return { ok: true, push: { status: parsed.data.status, message, carrierCorrection: carrierCorrection(parsed.data), waybill } }
}

export type Kuaidi100PushRead =
  { ok: true; push: Kuaidi100Push } | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'malformed'; detail: string }

/** verifyKuaidi100Push + parseKuaidi100Push: what the push receiver calls with the raw body. */
export function readKuaidi100Push(rawBody: string, salt: string, digests: Digests): Kuaidi100PushRead {
  const verified = verifyKuaidi100Push(rawBody, salt, digests)
  return verified.ok ? parseKuaidi100Push(verified.param, digests) : verified
}

/** The exact success ack; anything else makes Kuaidi100 retry 3 times at 35-minute intervals. */
export function kuaidi100PushAck(): VendorAck {
  return { statusCode: 200, contentType: JSON_CONTENT_TYPE, body: JSON.stringify({ result: true, returnCode: '200', message: '成功' }) }
}

/** For transient failures (storage), so Kuaidi100 retries. */
export function kuaidi100PushFailureAck(message: string): VendorAck {
  return { statusCode: 200, contentType: JSON_CONTENT_TYPE, body: JSON.stringify({ result: false, returnCode: '500', message }) }
}
