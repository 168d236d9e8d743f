// MD5 (RFC 1321). Both Chinese aggregators sign with it (aggregators.md §1.2, §2.2); it is used here
// for vendor compatibility only, never as our own integrity check (that is SHA-256). A Kdniao push
// batching 100 waybills is ~0.5 MB, so the loop avoids allocation and keeps its numbers in int32.
import { toHex } from './encoding'
import { utf8Bytes } from './utf8'

const SHIFTS = new Int32Array([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
])
const K = Int32Array.from({ length: 64 }, (_, index) => Math.floor(Math.abs(Math.sin(index + 1)) * 2 ** 32) | 0)
const WORD_INDEX = Int32Array.from({ length: 64 }, (_, step) =>
  step < 16 ? step : step < 32 ? (5 * step + 1) % 16 : step < 48 ? (3 * step + 5) % 16 : (7 * step) % 16)

function padded(message: Uint8Array): Uint8Array {
  const length = (((message.length + 8) >> 6) + 1) << 6
  const block = new Uint8Array(length)
  block.set(message)
  block[message.length] = 0x80
  // Bit length, little-endian 64-bit; split because JS bit operations are 32-bit.
  const bits = message.length * 8
  const low = bits >>> 0
  const high = Math.floor(bits / 2 ** 32)
  for (let index = 0; index < 4; index += 1) {
    block[length - 8 + index] = (low >>> (8 * index)) & 0xff
    block[length - 4 + index] = (high >>> (8 * index)) & 0xff
  }
  return block
}

export function md5Bytes(message: Uint8Array): Uint8Array {
  const data = padded(message)
  const words = new Int32Array(16)
  let a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476
  for (let offset = 0; offset < data.length; offset += 64) {
    for (let index = 0; index < 16; index += 1) {
      const at = offset + index * 4
      words[index] = data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24)
    }
    let a = a0, b = b0, c = c0, d = d0
    for (let step = 0; step < 64; step += 1) {
      let f: number
      if (step < 16) f = (b & c) | (~b & d)
      else if (step < 32) f = (d & b) | (~d & c)
      else if (step < 48) f = b ^ c ^ d
      else f = c ^ (b | ~d)
      const sum = (a + f + K[step] + words[WORD_INDEX[step]]) | 0
      const shift = SHIFTS[step]
      a = d
      d = c
      c = b
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0
    }
    a0 = (a0 + a) | 0
    b0 = (b0 + b) | 0
    c0 = (c0 + c) | 0
    d0 = (d0 + d) | 0
  }
  const digest = new Uint8Array(16)
  const state = [a0, b0, c0, d0]
  for (let index = 0; index < 16; index += 1) digest[index] = (state[index >> 2] >>> (8 * (index & 3))) & 0xff
  return digest
}

/** Lowercase hex MD5 of the UTF-8 bytes of `text`. */
export function md5Hex(text: string): string {
  return toHex(md5Bytes(utf8Bytes(text)))
}
