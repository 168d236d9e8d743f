// UTF-8 bytes of a JS string. TextEncoder is missing on older WeChat base libraries, and core is
// bundled into the mini-program, so this is done by hand. Lone surrogates become U+FFFD exactly as
// TextEncoder does, so signatures match node:crypto over the same string.
export function utf8Bytes(text: string): Uint8Array {
  // Each UTF-16 unit yields at most 3 bytes (a surrogate pair: 4 bytes for 2 units).
  const out = new Uint8Array(text.length * 3)
  let length = 0
  for (let index = 0; index < text.length; index += 1) {
    let code = text.charCodeAt(index)
    if (code < 0x80) {
      out[length++] = code
      continue
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00)
        index += 1
      } else {
        code = 0xfffd
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      code = 0xfffd
    }
    if (code < 0x800) {
      out[length++] = 0xc0 | (code >> 6)
      out[length++] = 0x80 | (code & 0x3f)
    } else if (code < 0x10000) {
      out[length++] = 0xe0 | (code >> 12)
      out[length++] = 0x80 | ((code >> 6) & 0x3f)
      out[length++] = 0x80 | (code & 0x3f)
    } else {
      out[length++] = 0xf0 | (code >> 18)
      out[length++] = 0x80 | ((code >> 12) & 0x3f)
      out[length++] = 0x80 | ((code >> 6) & 0x3f)
      out[length++] = 0x80 | (code & 0x3f)
    }
  }
  return out.subarray(0, length)
}
