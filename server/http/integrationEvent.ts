// HTTP access (reference/wechat.md §1.9): the request arrives as the "集成请求" event and the function
// answers with an integration response. The body is raw text, base64 when `isBase64Encoded`; it is
// capped before anything else looks at it.
import * as z from '../../core/validation/zod'

export const integrationEventSchema = z.object({
  path: z.string(),
  httpMethod: z.string(),
  headers: z._default(z.record(z.string(), z.string()), {}),
  queryStringParameters: z.nullish(z.record(z.string(), z.string())),
  body: z.nullish(z.string()),
  isBase64Encoded: z.optional(z.boolean()),
})
export type IntegrationEvent = z.infer<typeof integrationEventSchema>

export interface IntegrationResponse {
  isBase64Encoded: false
  statusCode: number
  headers: Record<string, string>
  body: string
}

/** An event shaped like an HTTP request, whoever sent it (a page can imitate one with callFunction). */
export function looksLikeHttpEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && typeof (event as { httpMethod?: unknown }).httpMethod === 'string'
}

export type RawBody = { ok: true; body: string } | { ok: false; reason: 'too_large' | 'bad_encoding'; detail: string }

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export function rawBodyOf(event: IntegrationEvent, maxBytes: number): RawBody {
  const text = event.body ?? ''
  if (!event.isBase64Encoded) {
    if (Buffer.byteLength(text, 'utf8') > maxBytes) return { ok: false, reason: 'too_large', detail: `body over ${maxBytes} bytes` }
    return { ok: true, body: text }
  }
  // Checked on the encoded length first so an oversized body is never decoded.
  if (text.length > Math.ceil(maxBytes / 3) * 4) return { ok: false, reason: 'too_large', detail: `body over ${maxBytes} bytes` }
  const compact = text.replace(/\s/g, '')
  if (compact.length % 4 !== 0 || !BASE64.test(compact))
    return { ok: false, reason: 'bad_encoding', detail: 'isBase64Encoded but the body is not base64' }
  const bytes = Buffer.from(compact, 'base64')
  if (bytes.length > maxBytes) return { ok: false, reason: 'too_large', detail: `body over ${maxBytes} bytes` }
  return { ok: true, body: bytes.toString('utf8') }
}

/** Header names arrive lower-cased (the doc's example); looked up case-insensitively all the same. */
export function headerOf(event: IntegrationEvent, name: string): string | undefined {
  const wanted = name.toLowerCase()
  const key = Object.keys(event.headers).find((candidate) => candidate.toLowerCase() === wanted)
  return key === undefined ? undefined : event.headers[key]
}

export function textResponse(statusCode: number, body: string, contentType: string): IntegrationResponse {
  return { isBase64Encoded: false, statusCode, headers: { 'content-type': contentType }, body }
}

export function jsonResponse(statusCode: number, value: unknown): IntegrationResponse {
  return textResponse(statusCode, JSON.stringify(value), 'application/json; charset=utf-8')
}
