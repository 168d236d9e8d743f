// Kdniao over HTTP: 8008 subscriptions (pushes go to the console-configured URL, §1.5) and 8001
// instant queries (§1.4), with failures classified by core (`retryable`).
import {
  buildKdniaoInstantQuery,
  buildKdniaoSubscribe,
  parseKdniaoQueryResponse,
  parseKdniaoSubscribeResponse,
} from '../../core/aggregators/kdniao'
import type { KdniaoConfig } from '../config'
import type { PostForm } from '../http/postForm'
import {
  transportError,
  VENDOR_TIMEOUT_MS,
  type QueryOutcome,
  type SubscribeOutcome,
  type TrackingVendorClient,
  type VendorParcel,
} from './trackingVendor'
import { nodeDigests } from '../platform/digests'

export function kdniaoClient(config: KdniaoConfig, post: PostForm): TrackingVendorClient {
  const credentials = { eBusinessId: config.eBusinessId, appKey: config.appKey }
  return {
    vendor: 'kdniao',
    async subscribe(parcel: VendorParcel): Promise<SubscribeOutcome> {
      const built = buildKdniaoSubscribe(
        { carrier: parcel.carrier, trackingNo: parcel.trackingNo, phoneTail: parcel.phoneTail },
        credentials,
        nodeDigests,
      )
      if (!built.ok) return { ok: false, retryable: false, error: `Kdniao does not serve carrier ${built.carrier}` }
      const answer = await post(config.apiUrl, built.request, VENDOR_TIMEOUT_MS)
      if (!answer.ok) return transportError(answer)
      if (answer.status !== 200) return { ok: false, retryable: true, error: `HTTP ${answer.status}` }
      const parsed = parseKdniaoSubscribeResponse(answer.text)
      if (parsed.ok) return { ok: true, alreadySubscribed: false }
      if (parsed.reason === 'malformed') return { ok: false, retryable: true, error: `malformed answer: ${parsed.detail}` }
      return { ok: false, retryable: parsed.retryable, error: `${parsed.reason}: ${parsed.message}` }
    },
    async query(parcel: VendorParcel): Promise<QueryOutcome> {
      const built = buildKdniaoInstantQuery(
        { requestType: '8001', carrier: parcel.carrier, trackingNo: parcel.trackingNo, phoneTail: parcel.phoneTail },
        credentials,
        nodeDigests,
      )
      if (!built.ok) return { ok: false, reason: 'refused', retryable: false, error: `Kdniao does not serve carrier ${built.carrier}` }
      const answer = await post(config.apiUrl, built.request, VENDOR_TIMEOUT_MS)
      if (!answer.ok) return { ...transportError(answer), reason: 'unavailable' }
      if (answer.status !== 200) return { ok: false, reason: 'unavailable', retryable: true, error: `HTTP ${answer.status}` }
      const parsed = parseKdniaoQueryResponse(answer.text, nodeDigests)
      if (parsed.ok) return { ok: true, snapshot: parsed.snapshot }
      switch (parsed.reason) {
        case 'malformed':
          return { ok: false, reason: 'unavailable', retryable: true, error: `malformed answer: ${parsed.detail}` }
        case 'unknown_carrier':
          return { ok: false, reason: 'refused', retryable: false, error: `unknown carrier ${parsed.vendorCarrier}` }
        case 'invalid_tracking_number':
          return { ok: false, reason: 'refused', retryable: false, error: `invalid number ${parsed.trackingNo}` }
        case 'vendor_failure':
          return { ok: false, reason: 'refused', retryable: false, error: parsed.message }
        default:
          return {
            ok: false,
            reason: parsed.retryable ? 'unavailable' : 'refused',
            retryable: parsed.retryable,
            error: `${parsed.reason}: ${parsed.message}`,
          }
      }
    },
  }
}
