import { CARRIERS } from './carriers'
import { NUMBER_PATTERNS } from './numberPatterns'
import { isValidS10, normaliseTrackingNo, recognizeNumber } from './recognizeNumber'

describe('recognizeNumber', () => {
  it.each([
    ['SF1234567890123', ['SF']],
    ['sf 1234-5678-90123', ['SF']],
    ['YT1234567890123', ['YTO']],
    ['JT0001234567890', ['JTSD']],
    ['JDVA11408814483', ['JD']],
    ['DPK123456789012', ['DBL']],
    ['75123456789012', ['ZTO']],
    ['773456789012345', ['STO']],
    ['312345678901234', ['YD']],
    ['5123456789012', ['YD', 'EMS']],
    ['9876543210123', ['EMS']],
    ['EB123456785JP', ['EMS']],
    ['EB123456784JP', []],
    ['RR123456785CN', ['YZPY']],
    ['RR123456784CN', []],
    ['HELLO', []],
  ])('%s → %j', (number, expected) => {
    expect(recognizeNumber(number)).toEqual(expected)
  })

  it('S10 check digit per §8', () => {
    expect(isValidS10('RR123456785CN')).toBe(true)
    expect(isValidS10('RR123456784CN')).toBe(false)
    expect(isValidS10('EA000000005JP')).toBe(true)
  })

  it('normalises what people paste', () => {
    expect(normaliseTrackingNo(' yt 1234-5678 ')).toBe('YT12345678')
  })

  it('only names carriers the carrier table knows', () => {
    for (const { carrier } of NUMBER_PATTERNS) expect(CARRIERS.some((known) => known.code === carrier)).toBe(true)
  })
})
