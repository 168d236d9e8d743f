// Hex and Base64 of byte arrays. `btoa` and Buffer are not available everywhere core runs (the
// mini-program), so both are written out.
const HEX = '0123456789abcdef'
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += HEX[byte >> 4] + HEX[byte & 0x0f]
  return out
}

export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let index = 0; index < bytes.length; index += 3) {
    const b0 = bytes[index]
    const b1 = index + 1 < bytes.length ? bytes[index + 1] : 0
    const b2 = index + 2 < bytes.length ? bytes[index + 2] : 0
    out += BASE64[b0 >> 2] + BASE64[((b0 & 0x03) << 4) | (b1 >> 4)]
    out += index + 1 < bytes.length ? BASE64[((b1 & 0x0f) << 2) | (b2 >> 6)] : '='
    out += index + 2 < bytes.length ? BASE64[b2 & 0x3f] : '='
  }
  return out
}
