// Kuaidi100 signatures (aggregators.md §2.2): both are upper-case hex MD5 over the exact `param`
// string placed in the form.
import type { Digests } from '../../crypto/digests'

/** Real-time query: UPPER(MD5(param + key + customer)). */
export function kuaidi100QuerySign(param: string, key: string, customer: string, digests: Digests): string {
  return digests.md5Hex(param + key + customer).toUpperCase()
}

/** Push callback: UPPER(MD5(param + salt)), salt as given at subscribe time. */
export function kuaidi100CallbackSign(param: string, salt: string, digests: Digests): string {
  return digests.md5Hex(param + salt).toUpperCase()
}
