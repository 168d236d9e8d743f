// Parsers for Kuaidi100 answers (aggregators.md §2.3, §2.4, §2.6). Each takes the raw response text
// and returns a value; returnCodes become typed failures.
import type { CarrierCode } from '../../carriers/carrierRegistry'
import { carrierFromKuaidi100 } from '../../carriers/vendorCarrierCodes'
import type { Digests } from '../../crypto/digests'
import { describeIssues, parseVendorJson, type MalformedResponse, type WaybillSnapshotResult } from '../vendorWire'
import {
  KUAIDI100_QUERY_RETURN_CODES,
  KUAIDI100_SUBSCRIBE_RETURN_CODES,
  returnCodeFailure,
  type Kuaidi100QueryFailureReason,
  type Kuaidi100SubscribeFailureReason,
} from './kuaidi100ReturnCodes'
import { kuaidi100AutoNumberSchema, kuaidi100FailureSchema, kuaidi100ResultSchema } from './kuaidi100Schemas'
import { kuaidi100Snapshot } from './kuaidi100Snapshot'

export interface Kuaidi100Failure<Reason extends string> {
  ok: false
  reason: Reason
  returnCode: string
  retryable: boolean
  message: string
}

/** Real-time query. Success carries `status:"200"`; failures carry `result:false` + `returnCode`. */
export function parseKuaidi100QueryResponse(
  text: string,
  digests: Digests,
): WaybillSnapshotResult | Kuaidi100Failure<Kuaidi100QueryFailureReason> | MalformedResponse {
  const json = parseVendorJson(text)
  if (!json.ok) return json
  const failure = kuaidi100FailureSchema.safeParse(json.value)
  if (failure.success && failure.data.returnCode !== '200') {
    return returnCodeFailure(KUAIDI100_QUERY_RETURN_CODES, 'vendor_error', failure.data.returnCode, failure.data.message ?? '')
  }
  const parsed = kuaidi100ResultSchema.safeParse(json.value)
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error.issues) }
  const status = parsed.data.status ?? '200'
  if (status !== '200') return returnCodeFailure(KUAIDI100_QUERY_RETURN_CODES, 'vendor_error', status, parsed.data.message ?? '')
  return kuaidi100Snapshot(parsed.data, digests)
}

export type Kuaidi100SubscribeResult =
  { ok: true; alreadySubscribed: boolean; message: string } | Kuaidi100Failure<Kuaidi100SubscribeFailureReason> | MalformedResponse

/** 200 提交成功; 501 重复订阅 means the number is already being tracked, which is what we wanted. */
export function parseKuaidi100SubscribeResponse(text: string): Kuaidi100SubscribeResult {
  const json = parseVendorJson(text)
  if (!json.ok) return json
  const parsed = kuaidi100FailureSchema.safeParse(json.value)
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error.issues) }
  const { returnCode } = parsed.data
  const message = parsed.data.message ?? ''
  if (returnCode === '200' || returnCode === '501') return { ok: true, alreadySubscribed: returnCode === '501', message }
  return returnCodeFailure(KUAIDI100_SUBSCRIBE_RETURN_CODES, 'vendor_error', returnCode, message)
}

export type Kuaidi100AutoNumberResult =
  { ok: true; carriers: CarrierCode[]; unknownComCodes: string[] } | Kuaidi100Failure<Kuaidi100SubscribeFailureReason> | MalformedResponse

/** Candidates in Kuaidi100's order of likelihood; an empty array means "unknown". */
export function parseKuaidi100AutoNumberResponse(text: string): Kuaidi100AutoNumberResult {
  const json = parseVendorJson(text)
  if (!json.ok) return json
  const parsed = kuaidi100AutoNumberSchema.safeParse(json.value)
  if (!parsed.success) {
    const failure = kuaidi100FailureSchema.safeParse(json.value)
    // Autonumber shares the key errors (600/601) with subscribe.
    if (failure.success)
      return returnCodeFailure(KUAIDI100_SUBSCRIBE_RETURN_CODES, 'vendor_error', failure.data.returnCode, failure.data.message ?? '')
    return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error.issues) }
  }
  const carriers: CarrierCode[] = []
  const unknownComCodes: string[] = []
  for (const { comCode } of parsed.data) {
    const lookup = carrierFromKuaidi100(comCode)
    if (!lookup.ok) unknownComCodes.push(comCode)
    else if (!carriers.includes(lookup.carrier)) carriers.push(lookup.carrier)
  }
  return { ok: true, carriers, unknownComCodes }
}
