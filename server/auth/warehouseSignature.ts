// Warehouse systems call POST /warehouse/backfill (HTTP access) with an HMAC-SHA256 over the signing
// time and the raw body (core/api/pipeline.ts describes the headers). Checked on the raw body before
// anything parses it, compared in constant time, and only within a bounded skew window so a captured
// request cannot be replayed later.
import { createHmac, timingSafeEqual } from 'node:crypto'

export function warehouseSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')
}

export type WarehouseAuthFailure = 'not_configured' | 'missing_headers' | 'stale_timestamp' | 'bad_signature'
export type WarehouseAuth = { ok: true } | { ok: false; reason: WarehouseAuthFailure }

export interface WarehouseRequest {
  timestamp: string | undefined
  signature: string | undefined
  rawBody: string
}

export function verifyWarehouseRequest(request: WarehouseRequest, secret: string | null, now: number, maxSkewMs: number): WarehouseAuth {
  if (!secret) return { ok: false, reason: 'not_configured' }
  const { timestamp, signature } = request
  if (!timestamp || !signature) return { ok: false, reason: 'missing_headers' }
  if (!/^\d{10,16}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > maxSkewMs) return { ok: false, reason: 'stale_timestamp' }
  const expected = Buffer.from(warehouseSignature(secret, timestamp, request.rawBody), 'hex')
  const given = /^[0-9a-fA-F]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0)
  // The length of an HMAC-SHA256 is public; only equal-length buffers reach the constant-time compare.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' }
  return { ok: true }
}
