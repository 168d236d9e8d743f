// DataSign = Base64(ASCII of lowercase hex MD5(RequestData + AppKey)) — always 44 characters ending
// in one `=` (aggregators.md §1.2; every official demo). RequestData is the exact string sent, never
// re-serialised. The raw-digest variant (24 characters) is deliberately not produced or accepted.
import { toBase64 } from '../../crypto/encoding'
import { md5Hex } from '../../crypto/md5'
import { utf8Bytes } from '../../crypto/utf8'

export function kdniaoDataSign(requestData: string, appKey: string): string {
  return toBase64(utf8Bytes(md5Hex(requestData + appKey)))
}
