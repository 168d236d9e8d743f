import { canonicalKeys, parseLenientJson } from './lenientJson'

describe('parseLenientJson', () => {
  it.each([
    ['{"ShipperCode":"SF","LogisticCode":"SF1"}', { ShipperCode: 'SF', LogisticCode: 'SF1' }],
    ["{'OrderCode':'','ShipperCode':'YTO','LogisticCode':'YT1'}", { OrderCode: '', ShipperCode: 'YTO', LogisticCode: 'YT1' }],
    ["{'a':'it\\'s', \"b\": [1, 2.5, true, null]}", { a: "it's", b: [1, 2.5, true, null] }],
    ['{"u":"\\u6df1\\u5733"}', { u: '深圳' }],
    ['  { }  ', {}],
  ])('accepts %s', (text, expected) => {
    expect(parseLenientJson(text)).toEqual({ ok: true, value: expected })
  })

  it.each(['', '{', '{"a":1,}', '{a:1}', '{"a":1} x', '%7B%22a%22%3A1%7D', "{'a':'unterminated}"])('refuses %s', (text) => {
    expect(parseLenientJson(text)).toMatchObject({ ok: false, reason: 'invalid-json' })
  })
})

describe('canonicalKeys', () => {
  it('rewrites keys that match ignoring case and keeps the rest', () => {
    expect(canonicalKeys({ shipperCode: 'SF', LOGISTICCODE: '1', Extra: 2 }, ['ShipperCode', 'LogisticCode'])).toEqual({
      ShipperCode: 'SF',
      LogisticCode: '1',
      Extra: 2,
    })
  })

  it('leaves non-objects alone', () => {
    expect(canonicalKeys([1], ['A'])).toEqual([1])
    expect(canonicalKeys('x', ['A'])).toBe('x')
  })
})
