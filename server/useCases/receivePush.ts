// receiveTrackingPush (HTTP access, /tracking/push/kdniao and /tracking/push/kuaidi100). In order:
// cap the body, verify the vendor signature on the raw once-decoded fields, parse, and only then
// touch storage. A bad signature or a malformed body writes nothing anywhere; a storage failure
// answers the vendor's failure so it retries; everything else gets the vendor's exact ack.
import { kdniaoPushAck, kdniaoPushFailureAck, readKdniaoPush } from '../../core/aggregators/kdniao'
import { kuaidi100PushAck, kuaidi100PushFailureAck, readKuaidi100Push } from '../../core/aggregators/kuaidi100'
import type { VendorAck } from '../../core/aggregators'
import type { TrackingVendor } from '../../core/api'
import type { PipelineConfig } from '../config'
import { integrationEventSchema, jsonResponse, rawBodyOf, type IntegrationResponse } from '../http/integrationEvent'
import type { ApplyDeps } from './applyTracking'
import { ingestPush, type VerifiedPush } from './ingestPush'
import { nodeDigests } from '../platform/digests'

/** A Kdniao batch of 100 waybills × 30 scans is ~1.3 MB form-encoded (Chinese text is 9 bytes a
 * character on the wire), and a body the platform delivers but we refuse would be re-sent forever.
 * SCF hands a function at most a 6 MB event (reference/wechat.md §1.5); the headers and the event's
 * own fields need some of it, and base64 (binary bodies) inflates by 4/3, so 4 MB. */
export const MAX_PUSH_BODY_BYTES = 4 * 1024 * 1024

const PUSH_PATH = /\/tracking\/push\/(kdniao|kuaidi100)\/?$/

export interface ReceivePushDeps extends ApplyDeps {
  config: PipelineConfig
}

type ReadPush =
  { ok: true; verified: VerifiedPush | null } | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'malformed'; detail: string }

/** Verification needs the key or salt; `verified: null` is a signed push that carries no tracking (Kdniao 107). */
export function readPush(vendor: TrackingVendor, rawBody: string, config: PipelineConfig): ReadPush | null {
  if (vendor === 'kdniao') {
    if (!config.kdniao) return null
    const read = readKdniaoPush(rawBody, config.kdniao.appKey, nodeDigests)
    if (!read.ok) return read
    return { ok: true, verified: read.tracking ? { vendor, push: read.push } : null }
  }
  if (!config.kuaidi100) return null
  const read = readKuaidi100Push(rawBody, config.kuaidi100.salt, nodeDigests)
  return read.ok ? { ok: true, verified: { vendor, push: read.push } } : read
}

const fromAck = (ack: VendorAck, statusCode = ack.statusCode): IntegrationResponse => ({
  isBase64Encoded: false,
  statusCode,
  headers: { 'content-type': ack.contentType },
  body: ack.body,
})

export async function receivePush(deps: ReceivePushDeps, event: unknown): Promise<IntegrationResponse> {
  const parsed = integrationEventSchema.safeParse(event)
  if (!parsed.success) return jsonResponse(400, { error: 'not an HTTP access event' })
  const vendor = PUSH_PATH.exec(parsed.data.path)?.[1] as TrackingVendor | undefined
  if (!vendor) return jsonResponse(404, { error: `no push receiver at ${parsed.data.path}` })
  const { config } = deps
  const ack = () => (vendor === 'kdniao' ? kdniaoPushAck(config.kdniao?.eBusinessId ?? '', deps.now()) : kuaidi100PushAck())
  const refuse = (statusCode: number, reason: string) =>
    fromAck(
      vendor === 'kdniao' ? kdniaoPushFailureAck(config.kdniao?.eBusinessId ?? '', deps.now(), reason) : kuaidi100PushFailureAck(reason),
      statusCode,
    )

  if (parsed.data.httpMethod.toUpperCase() !== 'POST') return refuse(405, 'use POST')
  const body = rawBodyOf(parsed.data, MAX_PUSH_BODY_BYTES)
  if (!body.ok)
    return refuse(
      body.reason === 'too_large' ? 413 : 400,
      body.reason === 'too_large' ? `payload too large: ${body.detail}` : `malformed body: ${body.detail}`,
    )
  const read = readPush(vendor, body.body, config)
  if (!read) return refuse(404, `${vendor} pushes are not configured here`)
  if (!read.ok) {
    return read.reason === 'malformed' ? refuse(400, `malformed push: ${read.detail}`) : refuse(401, `signature rejected: ${read.detail}`)
  }
  if (!read.verified) return fromAck(ack())
  const ingested = await ingestPush(deps, vendor, body.body, read.verified)
  if (!ingested.ok) {
    console.error(`[push] ${vendor} ${ingested.inboxId}: ${ingested.error}`)
    return fromAck(
      vendor === 'kdniao'
        ? kdniaoPushFailureAck(config.kdniao?.eBusinessId ?? '', deps.now(), 'storage unavailable, retry later')
        : kuaidi100PushFailureAck('storage unavailable, retry later'),
    )
  }
  return fromAck(ack())
}
