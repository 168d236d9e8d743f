// Kuaidi100 over HTTP: /poll subscriptions with our callbackurl and salt (§2.4) and query.do instant
// queries (§2.3). `501 重复订阅` is success for a subscription; `500 查询无结果` is "nothing yet" for a query.
import {
  buildKuaidi100Query,
  buildKuaidi100Subscribe,
  parseKuaidi100QueryResponse,
  parseKuaidi100SubscribeResponse,
} from '../../core/aggregators/kuaidi100'
import type { Kuaidi100Config } from '../config'
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

/** The path of our push receiver under the HTTP access domain (cloudbase/httpAccess.json). */
export const KUAIDI100_PUSH_PATH = '/tracking/push/kuaidi100'

const destinationText = (parcel: VendorParcel) => `${parcel.destination.province}${parcel.destination.city}` || undefined

export function kuaidi100Client(config: Kuaidi100Config, post: PostForm): TrackingVendorClient {
  return {
    vendor: 'kuaidi100',
    async subscribe(parcel: VendorParcel): Promise<SubscribeOutcome> {
      const built = buildKuaidi100Subscribe(
        {
          carrier: parcel.carrier,
          trackingNo: parcel.trackingNo,
          phoneTail: parcel.phoneTail,
          to: destinationText(parcel),
          callbackUrl: `${config.pushBaseUrl}${KUAIDI100_PUSH_PATH}`,
          salt: config.salt,
        },
        { key: config.key },
      )
      if (!built.ok) return { ok: false, retryable: false, error: `Kuaidi100 does not serve carrier ${built.carrier}` }
      const answer = await post(config.apiUrl, built.request, VENDOR_TIMEOUT_MS)
      if (!answer.ok) return transportError(answer)
      if (answer.status !== 200) return { ok: false, retryable: true, error: `HTTP ${answer.status}` }
      const parsed = parseKuaidi100SubscribeResponse(answer.text)
      if (parsed.ok) return { ok: true, alreadySubscribed: parsed.alreadySubscribed }
      if (parsed.reason === 'malformed') return { ok: false, retryable: true, error: `malformed answer: ${parsed.detail}` }
      return { ok: false, retryable: parsed.retryable, error: `${parsed.returnCode} ${parsed.reason}: ${parsed.message}` }
    },
    async query(parcel: VendorParcel): Promise<QueryOutcome> {
      const built = buildKuaidi100Query(
        { carrier: parcel.carrier, trackingNo: parcel.trackingNo, phoneTail: parcel.phoneTail, to: destinationText(parcel) },
        { customer: config.customer, key: config.key },
        nodeDigests,
      )
      if (!built.ok) return { ok: false, reason: 'refused', retryable: false, error: `Kuaidi100 does not serve carrier ${built.carrier}` }
      const answer = await post(config.apiUrl, built.request, VENDOR_TIMEOUT_MS)
      if (!answer.ok) return { ...transportError(answer), reason: 'unavailable' }
      if (answer.status !== 200) return { ok: false, reason: 'unavailable', retryable: true, error: `HTTP ${answer.status}` }
      const parsed = parseKuaidi100QueryResponse(answer.text, nodeDigests)
      if (parsed.ok) return { ok: true, snapshot: parsed.snapshot }
      switch (parsed.reason) {
        case 'malformed':
          return { ok: false, reason: 'unavailable', retryable: true, error: `malformed answer: ${parsed.detail}` }
        case 'no_result':
          return { ok: false, reason: 'no_result', retryable: true, error: `500 no_result: ${parsed.message}` }
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
            error: `${parsed.returnCode} ${parsed.reason}: ${parsed.message}`,
          }
      }
    },
  }
}
