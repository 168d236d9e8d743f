// Signature algorithms exactly as the vendors document them (reference/aggregators.md §1.2, §1.6,
// §2.2). Written from the documentation, independently of core/aggregators.
import { createHash, timingSafeEqual } from 'node:crypto'

function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex')
}

/** Kdniao DataSign = Base64(ASCII of lowercase-hex MD5(RequestData + AppKey)). */
export function kdniaoDataSign(requestData: string, appKey: string): string {
  return Buffer.from(md5Hex(requestData + appKey), 'ascii').toString('base64')
}

/** Kuaidi100 query sign = UPPER(hex MD5(param + key + customer)). */
export function kuaidi100QuerySign(param: string, key: string, customer: string): string {
  return md5Hex(param + key + customer).toUpperCase()
}

/** Kuaidi100 callback sign = UPPER(hex MD5(param + salt)). */
export function kuaidi100CallbackSign(param: string, salt: string): string {
  return md5Hex(param + salt).toUpperCase()
}

/** Byte-exact comparison without an early exit (a signature check is an oracle otherwise). */
export function sameSignature(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
