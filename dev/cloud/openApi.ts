// `cloud.openapi.*` (云调用) arrives as `wx.openApi`: multipart form with `apiName` and a protobuf
// CommApiData in `requestData` whose pairs hold each top-level param as JSON (snake_case). The reply
// is a protobuf CommOpenApiResp carrying WeChat's JSON (reference/cloud-emulation.md §1.4).
// Every call is recorded so tests can assert what was sent. A function may call only the APIs its
// config.json lists in `permissions.openapi`; others get -604101, as on the platform.
import { bytesField, decodeMessage, encodeMessage } from './protobufWire'

export interface OpenApiCall {
  api: string
  /** The request params as WeChat receives them (snake_case keys). */
  data: Record<string, unknown>
  caller?: { functionName: string; openid?: string }
  /** WeChat's answer code: 0 accepted, else refused (dev/cloud/wechatOpenApi.ts) or an injected fault. */
  errcode: number
}

/** "function has no permission to call this API" (reference/wechat.md §1.8). */
export const NO_PERMISSION = -604101

export type OpenApiDecode = { ok: true; data: Record<string, unknown> } | { ok: false; reason: 'malformed-request'; message: string }

/** CommApiData: 2 = openapiData { 1 = pairs: KeyValuePair { 1 = key, 2 = value } }. */
export function decodeRequestData(requestData: Buffer): OpenApiDecode {
  const outer = decodeMessage(requestData)
  if (!outer.ok) return { ok: false, reason: 'malformed-request', message: outer.message }
  const data: Record<string, unknown> = {}
  for (const openapiData of bytesField(outer.message, 2)) {
    const inner = decodeMessage(openapiData)
    if (!inner.ok) return { ok: false, reason: 'malformed-request', message: inner.message }
    for (const pairBytes of bytesField(inner.message, 1)) {
      const pair = decodeMessage(pairBytes)
      if (!pair.ok) return { ok: false, reason: 'malformed-request', message: pair.message }
      const key = bytesField(pair.message, 1)[0]?.toString('utf8')
      const value = bytesField(pair.message, 2)[0] ?? Buffer.alloc(0)
      if (key === undefined) return { ok: false, reason: 'malformed-request', message: 'a pair without a key' }
      data[key] = parseValue(value)
    }
  }
  return { ok: true, data }
}

function parseValue(value: Buffer): unknown {
  try {
    return JSON.parse(value.toString('utf8'))
  } catch {
    // param_converter sends some params (media files) as raw bytes.
    return { base64: value.toString('base64') }
  }
}

/** CommOpenApiResp: 1 = respData, 2 = contentType, 3 = errorCode, 4 = httpCode. */
export function openApiReply(body: Record<string, unknown>): Buffer {
  return encodeMessage([
    { field: 1, bytes: JSON.stringify(body) },
    { field: 2, bytes: 'application/json' },
    { field: 4, varint: 200 },
  ])
}

export function openApiError(errorCode: number): Buffer {
  return encodeMessage([
    { field: 3, varint: errorCode },
    { field: 4, varint: 200 },
  ])
}
