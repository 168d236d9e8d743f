import fc from 'fast-check'
import { encodeForm, encodeFormComponent, parseFormBody } from './formBody'

describe('encodeFormComponent', () => {
  it.each([
    ['abcXYZ019', 'abcXYZ019'],
    ['*-._', '*-._'],
    ['a b', 'a+b'],
    ['{"a":1}', '%7B%22a%22%3A1%7D'],
    ["=&+%~!'()", '%3D%26%2B%25%7E%21%27%28%29'],
    ['深圳', '%E6%B7%B1%E5%9C%B3'],
  ])('%j → %s', (value, encoded) => {
    expect(encodeFormComponent(value)).toBe(encoded)
  })

  it('matches URLSearchParams, the WHATWG form serialiser', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (value) => {
        expect(encodeFormComponent(value)).toBe(new URLSearchParams([['k', value]]).toString().slice(2))
      }),
      { numRuns: 300 },
    )
  })

  it('sends a lone surrogate as U+FFFD, like URLSearchParams', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
        expect(encodeFormComponent(value)).toBe(new URLSearchParams([['k', value]]).toString().slice(2))
      }),
      { numRuns: 300 },
    )
  })
})

describe('parseFormBody', () => {
  it('round-trips any fields, decoding each exactly once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 40 })), {
          selector: ([name]) => name,
          maxLength: 6,
        }),
        (fields) => {
          const parsed = parseFormBody(encodeForm(fields))
          expect(parsed.ok && [...parsed.fields.entries()]).toEqual(fields)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps a literal %41 that was encoded once as %2541', () => {
    const parsed = parseFormBody('text=%2541')
    expect(parsed.ok && parsed.fields.get('text')).toBe('%41')
  })

  it.each([
    ['bad escape', 'a=%E4%B8'],
    ['repeated field', 'a=1&a=2'],
  ])('rejects a %s', (_case, body) => {
    expect(parseFormBody(body)).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('treats a field without = as empty and skips empty pairs', () => {
    const parsed = parseFormBody('a&&b=2')
    expect(parsed.ok && Object.fromEntries(parsed.fields)).toEqual({ a: '', b: '2' })
  })
})
