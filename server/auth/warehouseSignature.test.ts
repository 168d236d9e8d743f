import { createHmac } from 'node:crypto'
import { verifyWarehouseRequest, warehouseSignature } from './warehouseSignature'

const SECRET = 'warehouse-secret-0001'
const NOW = 1_767_000_000_000
const body = '{"entries":[{"orderId":"o1","trackingNo":"YT1234567890123"}]}'
const signed = (timestamp: string, rawBody = body, secret = SECRET) => ({
  timestamp,
  signature: warehouseSignature(secret, timestamp, rawBody),
  rawBody,
})
const SKEW = 5 * 60_000

describe('warehouse request signature', () => {
  it('is HMAC-SHA256(secret, timestamp + "." + body) in hex', () => {
    expect(warehouseSignature(SECRET, '1700000000000', body)).toBe(
      createHmac('sha256', SECRET).update(`1700000000000.${body}`).digest('hex'),
    )
  })

  it.each<[string, Parameters<typeof verifyWarehouseRequest>[0], string | null, string]>([
    ['a fresh, correct request', signed(String(NOW - 1000)), SECRET, 'ok'],
    ['an upper-case hex signature', { ...signed(String(NOW)), signature: signed(String(NOW)).signature.toUpperCase() }, SECRET, 'ok'],
    ['no secret configured', signed(String(NOW)), null, 'not_configured'],
    ['no timestamp', { ...signed(String(NOW)), timestamp: undefined }, SECRET, 'missing_headers'],
    ['no signature', { ...signed(String(NOW)), signature: undefined }, SECRET, 'missing_headers'],
    ['a timestamp outside the window (replay)', signed(String(NOW - SKEW - 1)), SECRET, 'stale_timestamp'],
    ['a timestamp from the future', signed(String(NOW + SKEW + 1)), SECRET, 'stale_timestamp'],
    ['a timestamp that is not a number', signed('yesterday'), SECRET, 'stale_timestamp'],
    ['a body changed after signing', { ...signed(String(NOW)), rawBody: body.replace('o1', 'o2') }, SECRET, 'bad_signature'],
    ['a timestamp changed after signing', { ...signed(String(NOW)), timestamp: String(NOW - 1) }, SECRET, 'bad_signature'],
    ['another secret', signed(String(NOW), body, 'someone-elses-secret'), SECRET, 'bad_signature'],
    ['a truncated signature', { ...signed(String(NOW)), signature: signed(String(NOW)).signature.slice(0, 40) }, SECRET, 'bad_signature'],
  ])('%s', (_case, request, secret, verdict) => {
    const result = verifyWarehouseRequest(request, secret, NOW, SKEW)
    expect(result.ok ? 'ok' : result.reason).toBe(verdict)
  })
})
