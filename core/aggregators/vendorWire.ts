// Shapes shared by the vendor adapters. Builders return request descriptors and acks as data; the
// HTTP client (server/) and the push receiver (cloud function) do the I/O.
import type { TrackingSnapshot } from '../tracking/trackingSnapshot'

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8'
export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8'

export interface VendorRequest {
  method: 'POST'
  /** Path (and query) to append to the vendor base URL from config (KDNIAO_API_URL, KUAIDI100_API_URL). */
  path: string
  contentType: typeof FORM_CONTENT_TYPE
  body: string
}

/** The HTTP answer to a vendor push. */
export interface VendorAck {
  statusCode: number
  contentType: typeof JSON_CONTENT_TYPE
  body: string
}

export type SignatureCheck<T> =
  ({ ok: true } & T) | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'malformed'; detail: string }

/** A trace line that could not be used; the rest of the snapshot still is. */
export interface TraceIssue {
  traceIndex: number
  reason: 'unparsable_time'
  time: string
}

export type WaybillSnapshotResult =
  | { ok: true; snapshot: TrackingSnapshot; issues: TraceIssue[] }
  | { ok: false; reason: 'unknown_carrier'; vendorCarrier: string; trackingNo: string }
  | { ok: false; reason: 'invalid_tracking_number'; trackingNo: string }
  | { ok: false; reason: 'vendor_failure'; trackingNo: string; message: string }

/** Case-insensitive field read: Kdniao sends `CallBack` or `Callback` depending on doc version. */
export function fieldIgnoringCase(record: Record<string, unknown>, name: string): unknown {
  const wanted = name.toLowerCase()
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === wanted)
  return key === undefined ? undefined : record[key]
}

/** zod issues as one line for a failure value. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
}

/** An answer that is not what the vendor documents: retried by the caller, never thrown. */
export interface MalformedResponse {
  ok: false
  reason: 'malformed'
  detail: string
}

/** The first step of every response parser (Kdniao and Kuaidi100 alike): the body as JSON, or malformed. */
export function parseVendorJson(text: string): { ok: true; value: unknown } | MalformedResponse {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, reason: 'malformed', detail: 'response is not JSON' }
  }
}
