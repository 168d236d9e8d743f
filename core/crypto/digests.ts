// The digests and encodings the vendor protocols and our ids need, as a port: core stays free of
// platform APIs (it also runs in the mini-program, where node:crypto does not exist), and the side
// that runs it gives it the platform's own implementation (server/platform/digests.ts: node:crypto
// and Buffer). Every input is text, hashed as its UTF-8 bytes (a lone surrogate becomes U+FFFD).
export interface Digests {
  /** Lower-case hex MD5 of the UTF-8 bytes of `text`. */
  md5Hex(text: string): string
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256Hex(text: string): string
  /** Standard Base64 (with padding) of the UTF-8 bytes of `text`. */
  base64(text: string): string
}
