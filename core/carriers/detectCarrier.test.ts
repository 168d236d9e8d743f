import collisions from './vectors/collisions.json'
import vectors from './vectors/trackingNumbers.json'
import { detectCarrier } from './detectCarrier'
import { normaliseTrackingNumber } from './normaliseTrackingNumber'
import { NUMBER_PATTERNS } from './numberPatterns'

const perCarrier = Object.entries(vectors).filter(([key]) => !key.startsWith('$')) as Array<
  [string, { valid: string[]; invalid: string[] }]
>

describe.each(perCarrier)('%s test numbers', (carrier, { valid, invalid }) => {
  it.each(valid)('detects %j as this carrier alone', (number) => {
    const result = detectCarrier(number)
    expect(result).toMatchObject({ ok: true, carrier })
  })

  it.each(invalid)('does not detect %j as this carrier', (number) => {
    const result = detectCarrier(number)
    expect(result.ok && result.carrier === carrier).toBe(false)
    expect(result.candidates.map((candidate) => candidate.carrier)).not.toContain(carrier)
  })
})

describe('collisions', () => {
  it.each(collisions.cases)('$number is ambiguous between $top ($why)', ({ number, top, also }) => {
    const result = detectCarrier(number)
    expect(result.ok).toBe(false)
    if (result.ok || result.reason !== 'ambiguous') throw new Error(`expected ambiguous, got ${JSON.stringify(result)}`)
    expect(result.candidates.map((candidate) => candidate.carrier)).toEqual([...top, ...also])
    expect(new Set(result.candidates.slice(0, top.length).map((candidate) => candidate.confidence)).size).toBe(1)
  })

  it('every valid test number has exactly one top candidate (no unlisted collision)', () => {
    for (const [, { valid }] of perCarrier) {
      for (const number of valid) expect([number, detectCarrier(number).ok]).toEqual([number, true])
    }
  })

  it('every number pattern is exercised by some test number', () => {
    const numbers = [...perCarrier.flatMap(([, { valid }]) => valid), ...collisions.cases.map((entry) => entry.number)]
      .map((number) => normaliseTrackingNumber(number))
      .flatMap((result) => (result.ok ? [result.trackingNo] : []))
    for (const { carrier, pattern } of NUMBER_PATTERNS) {
      expect([carrier, pattern.source, numbers.some((number) => pattern.test(number))]).toEqual([carrier, pattern.source, true])
    }
  })
})

describe('detectCarrier results', () => {
  it('ranks a clear match with its confidence and rule', () => {
    expect(detectCarrier('SF1234567890123')).toEqual({
      ok: true,
      trackingNo: 'SF1234567890123',
      carrier: 'SF',
      confidence: 'high',
      candidates: [{ carrier: 'SF', confidence: 'high', rule: '^SF[0-9A-Z]\\d{12}$' }],
    })
    expect(detectCarrier('12345678')).toMatchObject({ ok: true, carrier: 'DBL', confidence: 'low' })
    expect(detectCarrier('RR123456785JP')).toMatchObject({ ok: true, carrier: 'YZPY', confidence: 'medium' })
  })

  it.each([
    ['RR123456784CN', { ok: false, reason: 'invalid_check_digit', trackingNo: 'RR123456784CN', candidates: [] }],
    ['AB1234567', { ok: false, reason: 'unrecognised', trackingNo: 'AB1234567', candidates: [] }],
    ['  ', { ok: false, reason: 'invalid_format', detail: 'empty', input: '  ', candidates: [] }],
    ['SF12345#67890', { ok: false, reason: 'invalid_format', detail: 'bad_characters', input: 'SF12345#67890', candidates: [] }],
    ['12345', { ok: false, reason: 'invalid_format', detail: 'too_short', input: '12345', candidates: [] }],
    ['1'.repeat(33), { ok: false, reason: 'invalid_format', detail: 'too_long', input: '1'.repeat(33), candidates: [] }],
  ])('%j → %o', (input, expected) => {
    expect(detectCarrier(input)).toEqual(expected)
  })
})
