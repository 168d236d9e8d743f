import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { constantTimeEqual, md5Hex, sha256Hex, toBase64, utf8Bytes } from './index'

const nodeHash = (algorithm: 'md5' | 'sha256', text: string) => createHash(algorithm).update(text, 'utf8').digest('hex')

// Lengths around the 55/56/64-byte padding boundaries are where hand-written digests usually break.
const boundaryInputs = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000].map((length) => 'a'.repeat(length))
const textInputs = ['', 'abc', '快递鸟 快递100 【深圳市】已到达', '😀 emoji and \u00e9', 'lone \ud800 surrogate', 'end \udc00']

describe('md5Hex / sha256Hex match node:crypto', () => {
  it.each([...boundaryInputs, ...textInputs])('%#: fixed input', (input) => {
    expect(md5Hex(input)).toBe(nodeHash('md5', input))
    expect(sha256Hex(input)).toBe(nodeHash('sha256', input))
  })

  it('matches on arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (input) => {
      expect(md5Hex(input)).toBe(nodeHash('md5', input))
      expect(sha256Hex(input)).toBe(nodeHash('sha256', input))
    }), { numRuns: 300 })
  })

  it('matches on arbitrary UTF-16 code units, including lone surrogates', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
      expect(Buffer.from(utf8Bytes(input)).equals(Buffer.from(input, 'utf8'))).toBe(true)
      expect(sha256Hex(input)).toBe(nodeHash('sha256', input))
    }), { numRuns: 300 })
  })
})

describe('toBase64', () => {
  it('matches Buffer for every length remainder', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }), { numRuns: 300 })
  })
})

describe('constantTimeEqual', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['abc', 'abcd', false],
    ['', '', true],
    ['', 'a', false],
    ['NzhiMmJk', 'NzhiMmJk', true],
  ])('%j vs %j → %j', (expected, received, equal) => {
    expect(constantTimeEqual(expected, received)).toBe(equal)
  })

  it('agrees with === on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      expect(constantTimeEqual(a, b)).toBe(a === b)
      expect(constantTimeEqual(a, a)).toBe(true)
    }), { numRuns: 300 })
  })
})
