// POST /warehouse/backfill (HTTP access): a warehouse system backfills tracking numbers without a
// WeChat identity. The request is authenticated by its HMAC over the raw body before the body is
// parsed; then it is exactly the merchant's backfill.
import {
  backfillTrackingInput,
  failure,
  WAREHOUSE_MAX_SKEW_MS,
  WAREHOUSE_SIGNATURE_HEADER,
  WAREHOUSE_TIMESTAMP_HEADER,
} from '../../core/api'
import { describeIssues } from '../../core/aggregators/vendorWire'
import { verifyWarehouseRequest } from '../auth/warehouseSignature'
import { headerOf, integrationEventSchema, jsonResponse, rawBodyOf, type IntegrationResponse } from '../http/integrationEvent'
import { backfillTracking, type BackfillDeps } from './backfillTracking'

/** 500 entries of a few hundred bytes each, with room to spare. */
export const MAX_WAREHOUSE_BODY_BYTES = 1024 * 1024

const AUTH_MESSAGES = {
  not_configured: 'warehouse access is not configured (WAREHOUSE_HMAC_SECRET)',
  missing_headers: `send ${WAREHOUSE_TIMESTAMP_HEADER} and ${WAREHOUSE_SIGNATURE_HEADER}`,
  stale_timestamp: `${WAREHOUSE_TIMESTAMP_HEADER} must be epoch ms within ${WAREHOUSE_MAX_SKEW_MS / 60_000} minutes of now`,
  bad_signature: 'signature does not match the body',
} as const

export async function warehouseBackfill(deps: BackfillDeps, event: unknown): Promise<IntegrationResponse> {
  const parsed = integrationEventSchema.safeParse(event)
  if (!parsed.success) return jsonResponse(400, failure('invalid_input', 'not an HTTP access event'))
  if (parsed.data.httpMethod.toUpperCase() !== 'POST') return jsonResponse(405, failure('invalid_input', 'use POST'))
  const body = rawBodyOf(parsed.data, MAX_WAREHOUSE_BODY_BYTES)
  if (!body.ok) return jsonResponse(body.reason === 'too_large' ? 413 : 400, failure('invalid_input', body.detail))
  const auth = verifyWarehouseRequest(
    {
      timestamp: headerOf(parsed.data, WAREHOUSE_TIMESTAMP_HEADER),
      signature: headerOf(parsed.data, WAREHOUSE_SIGNATURE_HEADER),
      rawBody: body.body,
    },
    deps.config.warehouseSecret,
    deps.now(),
    WAREHOUSE_MAX_SKEW_MS,
  )
  if (!auth.ok) return jsonResponse(401, failure('unauthorised', AUTH_MESSAGES[auth.reason]))
  let json: unknown
  try {
    json = JSON.parse(body.body)
  } catch {
    return jsonResponse(400, failure('invalid_input', 'body is not JSON'))
  }
  const input = backfillTrackingInput.safeParse(json)
  if (!input.success) return jsonResponse(400, failure('invalid_input', describeIssues(input.error.issues)))
  return jsonResponse(200, await backfillTracking(deps, input.data.entries))
}
