import { encodeForm, parseForm } from './formCodec'

describe('parseForm decodes exactly once', () => {
  it.each([
    ['a=1&b=2', { a: '1', b: '2' }],
    ['DataSign=YzE%3D', { DataSign: 'YzE=' }],
    // Double-encoded on the wire: one decode leaves the client's own encoding in place.
    ['DataSign=YzE%253D', { DataSign: 'YzE%3D' }],
    ['RequestData=%7B%22a%22%3A%22%E6%B7%B1%E5%9C%B3%22%7D', { RequestData: '{"a":"深圳"}' }],
    ['text=a+b%2Bc', { text: 'a b+c' }],
    ['empty=&flag', { empty: '', flag: '' }],
    ['', {}],
  ])('%s', (body, expected) => {
    const parsed = parseForm(body)
    expect(parsed.ok && Object.fromEntries(parsed.fields)).toEqual(expected)
  })

  it.each([
    ['a=%E6%B7', 'malformed-percent-encoding'],
    ['a=%zz', 'malformed-percent-encoding'],
    ['a=1&a=2', 'duplicate-field'],
  ])('refuses %s (%s)', (body, reason) => {
    expect(parseForm(body)).toMatchObject({ ok: false, reason })
  })
})

describe('encodeForm', () => {
  it('round-trips through parseForm and through URLSearchParams', () => {
    const fields: Array<[string, string]> = [
      ['param', '{"context":"快件 已到达 a+b=c&d%"}'],
      ['sign', 'ABC'],
    ]
    const body = encodeForm(fields)
    const parsed = parseForm(body)
    expect(parsed.ok && Object.fromEntries(parsed.fields)).toEqual(Object.fromEntries(fields))
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual(Object.fromEntries(fields))
  })
})
