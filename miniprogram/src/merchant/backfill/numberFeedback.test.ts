import { numberFeedback } from './numberFeedback'

const feedback = (input: string, picked: Parameters<typeof numberFeedback>[0]['picked'] = null, phoneTail = '') =>
  numberFeedback({ input, picked, phoneTail })

describe('numberFeedback as the merchant types', () => {
  it.each([
    ['nothing yet', '', { problem: 'empty', ready: false, carrier: null }],
    ['the first characters', 'SF14', { problem: 'too_short', ready: false }],
    ['bad characters', 'SF14#', { problem: 'bad_characters', ready: false }],
    ['a number too long', 'SF'.padEnd(33, '1'), { problem: 'too_long', ready: false }],
    [
      'spaces, dashes and lowercase',
      'yt 1400-0000 00772',
      { trackingNo: 'YT1400000000772', carrier: 'YTO', source: 'detected', detection: 'detected', ready: true },
    ],
    ['full-width characters', 'ＹＴ１４００００００００７７２', { trackingNo: 'YT1400000000772', carrier: 'YTO', ready: true }],
    ['an ambiguous number', '123456789012', { detection: 'ambiguous', candidates: ['SF', 'ANE'], carrier: null, ready: false }],
    ['an unrecognised number', 'XX99999999', { detection: 'unrecognised', candidates: [], carrier: null, ready: false }],
    ['a low-confidence guess', '12345678', { carrier: 'DBL', warnings: [{ kind: 'low_confidence' }], ready: true }],
    ['a failed S10 check digit', 'EA123456784CN', { problem: 'invalid_check_digit', ready: false }],
  ])('%s', (_name, input, expected) => {
    expect(feedback(input)).toMatchObject(expected)
  })

  it('keeps an explicit pick even when the number is detected as another carrier, with a warning', () => {
    expect(feedback('YT1400000000772', 'ZTO')).toMatchObject({
      carrier: 'ZTO',
      source: 'picked',
      detection: 'detected',
      warnings: [{ kind: 'pattern_mismatch', detected: ['YTO'] }],
      ready: true,
    })
  })

  it('settles an ambiguous number with a pick among the candidates, without a warning', () => {
    expect(feedback('123456789012', 'ANE')).toMatchObject({ carrier: 'ANE', source: 'picked', warnings: [], ready: true })
  })

  it('keeps the pick while the number is still being typed', () => {
    expect(feedback('12', 'SF')).toMatchObject({ carrier: 'SF', source: 'picked', problem: 'too_short', ready: false })
  })

  it('accepts a failed check digit under a picked carrier, with a warning', () => {
    expect(feedback('EA123456784CN', 'EMS')).toMatchObject({ problem: null, warnings: [{ kind: 'check_digit' }], ready: true })
  })

  it.each([
    ['SF needs it', 'SF1400000000771', null, '', { rule: 'required', problem: 'missing' }, false],
    ['SF with the tail', 'SF1400000000771', null, '5678', { rule: 'required', value: '5678', problem: null }, true],
    ['a full-width tail', 'SF1400000000771', null, '５６７８', { value: '5678', problem: null }, true],
    ['a tail of 3 digits', 'SF1400000000771', null, '567', { problem: 'invalid' }, false],
    ['ZTO recommends it', '78912345678901', null, '', { rule: 'recommended', problem: null }, true],
    ['YTO has no use for it', 'YT1400000000772', null, '', { rule: 'none', problem: null }, true],
    ['a picked SF needs it too', '123456789012', 'SF', '', { rule: 'required', problem: 'missing' }, false],
  ] as const)('phone tail: %s', (_name, input, picked, tail, expected, ready) => {
    const result = feedback(input, picked, tail)
    expect(result.phoneTail).toMatchObject(expected)
    expect(result.ready).toBe(ready)
  })
})
