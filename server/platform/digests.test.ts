// The port's promises, checked against published vectors: RFC 1321 §A.5 (MD5), FIPS 180-2 /
// NIST CSRC examples (SHA-256), RFC 4648 §10 (Base64); plus the UTF-8 and lone-surrogate rule the
// port states (Chinese vendor text is hashed as UTF-8).
import { nodeDigests } from './digests'

describe('md5Hex: RFC 1321 test suite', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ])('%j', (input, digest) => {
    expect(nodeDigests.md5Hex(input)).toBe(digest)
  })
})

describe('sha256Hex: FIPS 180-2 examples', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('%#', (input, digest) => {
    expect(nodeDigests.sha256Hex(input)).toBe(digest)
  })
})

describe('base64: RFC 4648 §10', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('%j → %j', (input, encoded) => {
    expect(nodeDigests.base64(input)).toBe(encoded)
  })
})

describe('text is hashed as UTF-8', () => {
  it.each([
    // 快递 = e5 bf ab e9 80 92; an emoji is one 4-byte sequence; a lone surrogate is U+FFFD (ef bf bd).
    ['快递', '5b+r6YCS'],
    ['😀', '8J+YgA=='],
    ['\ud800', '77+9'],
    ['end \udc00', 'ZW5kIO+/vQ=='],
  ])('%j → %j', (input, encoded) => {
    expect(nodeDigests.base64(input)).toBe(encoded)
  })

  it('hashes the same bytes it encodes', () => {
    expect(nodeDigests.md5Hex('快递')).toBe(nodeDigests.md5Hex('\u5feb\u9012'))
    expect(nodeDigests.md5Hex('\ud800')).toBe(nodeDigests.md5Hex('\ufffd'))
  })
})
