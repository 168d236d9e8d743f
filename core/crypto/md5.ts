// MD5 (RFC 1321). Both Chinese aggregators sign with it (aggregators.md §1.2, §2.2); it is used here
// for vendor compatibility only, never as our own integrity check (that is SHA-256).
import { toHex } from './encoding'
import { utf8Bytes } from './utf8'

const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
]
const K = Array.from({ length: 64 }, (_, index) => Math.floor(Math.abs(Math.sin(index + 1)) * 2 ** 32) >>> 0)

export function md5Bytes(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8
  const paddedLength = (((message.length + 8) >> 6) + 1) << 6
  const padded = new Uint8Array(paddedLength)
  padded.set(message)
  padded[message.length] = 0x80
  const view = new DataView(padded.buffer)
  // Length is little-endian 64-bit; JS bit operations are 32-bit, so split it by division.
  view.setUint32(paddedLength - 8, bitLength >>> 0, true)
  view.setUint32(paddedLength - 4, Math.floor(bitLength / 2 ** 32), true)

  let a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476
  const words = new Uint32Array(16)
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let index = 0; index < 16; index += 1) words[index] = view.getUint32(offset + index * 4, true)
    let a = a0, b = b0, c = c0, d = d0
    for (let step = 0; step < 64; step += 1) {
      let f: number
      let g: number
      if (step < 16) { f = (b & c) | (~b & d); g = step }
      else if (step < 32) { f = (d & b) | (~d & c); g = (5 * step + 1) % 16 }
      else if (step < 48) { f = b ^ c ^ d; g = (3 * step + 5) % 16 }
      else { f = c ^ (b | ~d); g = (7 * step) % 16 }
      const sum = (a + f + K[step] + words[g]) >>> 0
      a = d
      d = c
      c = b
      b = (b + ((sum << SHIFTS[step]) | (sum >>> (32 - SHIFTS[step])))) >>> 0
    }
    a0 = (a0 + a) >>> 0
    b0 = (b0 + b) >>> 0
    c0 = (c0 + c) >>> 0
    d0 = (d0 + d) >>> 0
  }
  const digest = new Uint8Array(16)
  const out = new DataView(digest.buffer)
  out.setUint32(0, a0, true)
  out.setUint32(4, b0, true)
  out.setUint32(8, c0, true)
  out.setUint32(12, d0, true)
  return digest
}

/** Lowercase hex MD5 of the UTF-8 bytes of `text`. */
export function md5Hex(text: string): string {
  return toHex(md5Bytes(utf8Bytes(text)))
}
