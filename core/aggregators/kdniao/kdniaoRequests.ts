// Request builders for Kdniao (aggregators.md §1.2–§1.7). RequestData is serialised once, signed,
// and form-encoded once; keys are emitted in the order of the documented vector so the same input
// always yields the same bytes.
import { carrierInfo, type CarrierCode } from '../../carriers/carrierRegistry'
import { kdniaoCodeFor } from '../../carriers/vendorCarrierCodes'
import type { Digests } from '../../crypto/digests'
import { encodeForm } from '../formBody'
import { FORM_CONTENT_TYPE, type VendorRequest } from '../vendorWire'
import { kdniaoDataSign } from './kdniaoDataSign'

export interface KdniaoCredentials {
  eBusinessId: string
  appKey: string
}

/** Query-type commands go to EbusinessOrderHandle.aspx, subscriptions to /api/dist (§1.1). */
export const KDNIAO_PATHS = {
  query: '/Ebusiness/EbusinessOrderHandle.aspx',
  subscribe: '/api/dist',
} as const

export type KdniaoQueryType = '1002' | '8001' | '8002'
export type KdniaoSubscribeType = '8008' | '1008'

export type KdniaoQueryParams =
  | { requestType: '1002' | '8001'; carrier: CarrierCode; trackingNo: string; phoneTail?: string | null; orderCode?: string }
  /** 8002 recognises the carrier itself for the main carriers; a known carrier is still passed. */
  | { requestType: '8002'; carrier?: CarrierCode; trackingNo: string; phoneTail?: string | null; orderCode?: string }

export interface KdniaoSubscribeParams {
  requestType?: KdniaoSubscribeType
  carrier: CarrierCode
  trackingNo: string
  phoneTail?: string | null
  orderCode?: string
  /** Echoed back in every push for this waybill (`Callback`). */
  callback?: string
}

export type KdniaoRequestResult =
  { ok: true; request: VendorRequest; requestData: string } | { ok: false; reason: 'carrier_not_supported_by_vendor'; carrier: CarrierCode }

export function buildKdniaoRequest(
  requestType: string,
  requestData: string,
  path: string,
  credentials: KdniaoCredentials,
  digests: Digests,
): VendorRequest {
  const body = encodeForm([
    ['RequestData', requestData],
    ['EBusinessID', credentials.eBusinessId],
    ['RequestType', requestType],
    ['DataSign', kdniaoDataSign(requestData, credentials.appKey, digests)],
    ['DataType', '2'],
  ])
  return { method: 'POST', path, contentType: FORM_CONTENT_TYPE, body }
}

// The 1002 doc: CustomerName is the phone tail for SF and "不可传值" for other carriers; practitioners
// report 8001 also needs it for ZTO privacy waybills. So it is sent exactly for carriers whose
// registry rule asks for a tail, and only when we have one.
function customerName(carrier: CarrierCode | undefined, phoneTail: string | null | undefined): Array<[string, string]> {
  if (!carrier || !phoneTail || carrierInfo(carrier).phoneTail === 'none') return []
  return [['CustomerName', phoneTail]]
}

function shipperCode(
  carrier: CarrierCode,
): { ok: true; code: string } | { ok: false; reason: 'carrier_not_supported_by_vendor'; carrier: CarrierCode } {
  const lookup = kdniaoCodeFor(carrier)
  return lookup.ok ? lookup : { ok: false, reason: lookup.reason, carrier }
}

export function buildKdniaoInstantQuery(params: KdniaoQueryParams, credentials: KdniaoCredentials, digests: Digests): KdniaoRequestResult {
  const shipper = params.carrier ? shipperCode(params.carrier) : { ok: true as const, code: '' }
  if (!shipper.ok) return shipper
  const fields: Array<[string, string]> = [
    ['OrderCode', params.orderCode ?? ''],
    ['ShipperCode', shipper.code],
    ['LogisticCode', params.trackingNo],
    ...customerName(params.carrier, params.phoneTail),
  ]
  const requestData = JSON.stringify(Object.fromEntries(fields))
  return { ok: true, request: buildKdniaoRequest(params.requestType, requestData, KDNIAO_PATHS.query, credentials, digests), requestData }
}

export function buildKdniaoSubscribe(params: KdniaoSubscribeParams, credentials: KdniaoCredentials, digests: Digests): KdniaoRequestResult {
  const shipper = shipperCode(params.carrier)
  if (!shipper.ok) return shipper
  const fields: Array<[string, string]> = [
    ['ShipperCode', shipper.code],
    ['LogisticCode', params.trackingNo],
    ...customerName(params.carrier, params.phoneTail),
    ...(params.orderCode ? [['OrderCode', params.orderCode] as [string, string]] : []),
    ...(params.callback ? [['Callback', params.callback] as [string, string]] : []),
  ]
  const requestData = JSON.stringify(Object.fromEntries(fields))
  const requestType = params.requestType ?? '8008'
  return { ok: true, request: buildKdniaoRequest(requestType, requestData, KDNIAO_PATHS.subscribe, credentials, digests), requestData }
}

export function buildKdniaoRecognition(trackingNo: string, credentials: KdniaoCredentials, digests: Digests): VendorRequest {
  return buildKdniaoRequest('2002', JSON.stringify({ LogisticCode: trackingNo }), KDNIAO_PATHS.query, credentials, digests)
}
