import { formatYuan, yuanParts } from './money'

describe('formatYuan', () => {
  it.each([
    [1290, '¥12.90'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [16800, '¥168.00'],
    [123456789, '¥1,234,567.89'],
    [-1290, '-¥12.90'],
  ])('%i fen is %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text)
  })

  it.each([12.9, Number.NaN, Number.POSITIVE_INFINITY])('refuses a non-integer amount (%s)', (fen) => {
    expect(() => formatYuan(fen)).toThrow(/integer fen/)
  })

  it('splits a price into the parts a price tag styles', () => {
    expect(yuanParts(25900)).toEqual({ symbol: '¥', integer: '259', decimals: '.00' })
  })
})
