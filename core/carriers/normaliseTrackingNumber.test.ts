import { normaliseTrackingNumber } from './normaliseTrackingNumber'
import { parseS10, s10CheckDigit } from './upuS10'

describe('normaliseTrackingNumber', () => {
  it.each([
    ['SF1234567890123', 'SF1234567890123'],
    ['  sf1234567890123\n', 'SF1234567890123'],
    ['SF 1234 5678 90123', 'SF1234567890123'],
    ['SF-1234-5678-90123', 'SF1234567890123'],
    ['SF–1234—5678‐90123', 'SF1234567890123'],
    ['ＳＦ１２３４５６７８９０１２３', 'SF1234567890123'],
    ['ｓｆ１２３４－５６７８－９０１２３', 'SF1234567890123'],
    ['SF1234\u3000567890123', 'SF1234567890123'],
    ['\u200bYT1234567890123\ufeff', 'YT1234567890123'],
  ])('%j → %s', (input, trackingNo) => {
    expect(normaliseTrackingNumber(input)).toEqual({ ok: true, trackingNo })
  })

  it.each([
    ['', 'empty'],
    ['- -', 'empty'],
    ['SF123/456', 'bad_characters'],
    ['顺丰1234567', 'bad_characters'],
    ['12345', 'too_short'],
    ['A'.repeat(33), 'too_long'],
  ])('%j → invalid_format (%s)', (input, detail) => {
    expect(normaliseTrackingNumber(input)).toEqual({ ok: false, reason: 'invalid_format', detail })
  })
})

describe('UPU S10', () => {
  it.each([
    ['12345678', 5],
    ['00000001', 4],
    ['87654321', 6],
    ['13572468', 2],
  ])('check digit of %s is %d', (serial, check) => {
    expect(s10CheckDigit(serial)).toBe(check)
  })

  it.each([
    ['RR123456785CN', { kind: 'valid', service: 'RR', country: 'CN' }],
    ['RR123456784CN', { kind: 'bad_check_digit' }],
    ['EE000000014CN', { kind: 'valid', service: 'EE', country: 'CN' }],
    ['SF1234567890123', { kind: 'not_s10' }],
  ])('%s → %o', (trackingNo, expected) => {
    expect(parseS10(trackingNo)).toEqual(expected)
  })
})
