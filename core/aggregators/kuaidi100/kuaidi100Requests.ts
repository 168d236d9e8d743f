// Request builders for Kuaidi100 (aggregators.md §2.3 query, §2.4 subscribe, §2.6 recognition).
// `param` is serialised once and signed exactly as sent; keys follow the documented vector's order.
import { carrierInfo, type CarrierCode } from '../../carriers/carrierRegistry'
import { kuaidi100CodeFor } from '../../carriers/vendorCarrierCodes'
import { encodeForm, encodeFormComponent } from '../formBody'
import { FORM_CONTENT_TYPE, type VendorRequest } from '../vendorWire'
import { kuaidi100QuerySign } from './kuaidi100Sign'
import type { Digests } from '../../crypto/digests'

export interface Kuaidi100Credentials {
  customer: string
  key: string
}

export const KUAIDI100_PATHS = {
  query: '/poll/query.do',
  subscribe: '/poll',
  autoNumber: '/autonumber/auto',
} as const

/** `4` adds per-trace statusCode and area fields (the documented vector uses it); see §2.3. */
export const DEFAULT_RESULTV2 = '4'

export interface Kuaidi100QueryParams {
  carrier: CarrierCode
  trackingNo: string
  phoneTail?: string | null
  /** "广东省深圳市南山区": improves Kuaidi100's state judgement. */
  from?: string
  to?: string
  resultv2?: string
}

export interface Kuaidi100SubscribeParams {
  /** Omitted → `autoCom=1`, Kuaidi100 picks the carrier. */
  carrier?: CarrierCode
  trackingNo: string
  phoneTail?: string | null
  from?: string
  to?: string
  /** Our push endpoint; may carry our own query parameters (§2.4). */
  callbackUrl: string
  salt: string
  resultv2?: string
}

export type Kuaidi100RequestResult =
  { ok: true; request: VendorRequest; param: string } | { ok: false; reason: 'carrier_not_supported_by_vendor'; carrier: CarrierCode }

// Phone tails go only to carriers that need them (SF, 丰网; ZTO recommended), like Kdniao's rule.
const phoneFor = (carrier: CarrierCode | undefined, phoneTail: string | null | undefined) =>
  carrier && phoneTail && carrierInfo(carrier).phoneTail !== 'none' ? phoneTail : undefined

const optional = (name: string, value: string | undefined): Array<[string, string]> => (value ? [[name, value]] : [])

export function buildKuaidi100Query(
  params: Kuaidi100QueryParams,
  credentials: Kuaidi100Credentials,
  digests: Digests,
): Kuaidi100RequestResult {
  const com = kuaidi100CodeFor(params.carrier)
  if (!com.ok) return { ok: false, reason: com.reason, carrier: params.carrier }
  const param = JSON.stringify(
    Object.fromEntries([
      ['com', com.code],
      ['num', params.trackingNo],
      ...optional('phone', phoneFor(params.carrier, params.phoneTail)),
      ...optional('from', params.from),
      ...optional('to', params.to),
      ['resultv2', params.resultv2 ?? DEFAULT_RESULTV2],
    ]),
  )
  const body = encodeForm([
    ['customer', credentials.customer],
    ['sign', kuaidi100QuerySign(param, credentials.key, credentials.customer, digests)],
    ['param', param],
  ])
  return { ok: true, request: { method: 'POST', path: KUAIDI100_PATHS.query, contentType: FORM_CONTENT_TYPE, body }, param }
}

export function buildKuaidi100Subscribe(
  params: Kuaidi100SubscribeParams,
  credentials: Pick<Kuaidi100Credentials, 'key'>,
): Kuaidi100RequestResult {
  const com = params.carrier ? kuaidi100CodeFor(params.carrier) : { ok: true as const, code: '' }
  if (!com.ok) return { ok: false, reason: com.reason, carrier: com.carrier }
  const parameters = Object.fromEntries([
    ['callbackurl', params.callbackUrl],
    ['salt', params.salt],
    ['resultv2', params.resultv2 ?? DEFAULT_RESULTV2],
    ...optional('phone', phoneFor(params.carrier, params.phoneTail)),
    ...(params.carrier ? [] : [['autoCom', '1']]),
  ])
  const param = JSON.stringify({
    company: com.code,
    number: params.trackingNo,
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    key: credentials.key,
    parameters,
  })
  const body = encodeForm([
    ['schema', 'json'],
    ['param', param],
  ])
  return { ok: true, request: { method: 'POST', path: KUAIDI100_PATHS.subscribe, contentType: FORM_CONTENT_TYPE, body }, param }
}

/** Number recognition: the parameters travel in the query string, the form is empty (§2.6). */
export function buildKuaidi100AutoNumber(trackingNo: string, credentials: Pick<Kuaidi100Credentials, 'key'>): VendorRequest {
  const path = `${KUAIDI100_PATHS.autoNumber}?num=${encodeFormComponent(trackingNo)}&key=${encodeFormComponent(credentials.key)}`
  return { method: 'POST', path, contentType: FORM_CONTENT_TYPE, body: '' }
}
