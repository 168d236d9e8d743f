// DataSign = Base64(ASCII of lowercase hex MD5(RequestData + AppKey)) — always 44 characters ending
// in one `=` (aggregators.md §1.2; every official demo). RequestData is the exact string sent, never
// re-serialised. The raw-digest variant (24 characters) is deliberately not produced or accepted.
import type { Digests } from '../../crypto/digests'

export function kdniaoDataSign(requestData: string, appKey: string, digests: Digests): string {
  return digests.base64(digests.md5Hex(requestData + appKey))
}
