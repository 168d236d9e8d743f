import { checkTrackingNumber } from './checkTrackingNumber'

describe('checkTrackingNumber (the merchant chose the carrier)', () => {
  it.each([
    [
      { carrier: 'SF', trackingNo: 'sf 1234 5678 90123', phoneTail: '1234' },
      { ok: true, carrier: 'SF', trackingNo: 'SF1234567890123', phoneTail: '1234', warnings: [] },
    ],
    [
      { carrier: 'sf', trackingNo: 'SF1234567890123', phoneTail: '１２３４' },
      { ok: true, carrier: 'SF', trackingNo: 'SF1234567890123', phoneTail: '1234', warnings: [] },
    ],
    [
      { carrier: 'YTO', trackingNo: 'YT1234567890123' },
      { ok: true, carrier: 'YTO', trackingNo: 'YT1234567890123', phoneTail: null, warnings: [] },
    ],
    // A carrier whose number shapes we do not know cannot be contradicted.
    [
      { carrier: 'ZJS', trackingNo: 'A12345678901' },
      { ok: true, carrier: 'ZJS', trackingNo: 'A12345678901', phoneTail: null, warnings: [] },
    ],
    // One candidate among several is still consistent.
    [
      { carrier: 'YD', trackingNo: '5123456789012' },
      { ok: true, carrier: 'YD', trackingNo: '5123456789012', phoneTail: null, warnings: [] },
    ],
  ])('%o is accepted', (input, expected) => {
    expect(checkTrackingNumber(input)).toEqual(expected)
  })

  it("keeps the merchant's carrier when the number looks like another one, with a warning", () => {
    expect(checkTrackingNumber({ carrier: 'DBL', trackingNo: '73123456789012' })).toEqual({
      ok: true,
      carrier: 'DBL',
      trackingNo: '73123456789012',
      phoneTail: null,
      warnings: [
        { kind: 'pattern_mismatch', carrier: 'DBL', detected: [{ carrier: 'ZTO', confidence: 'medium', rule: '^7[3-68]\\d{12}$' }] },
      ],
    })
  })

  it('asks for the phone tail ZTO may need, without refusing', () => {
    expect(checkTrackingNumber({ carrier: 'ZTO', trackingNo: '73123456789012' })).toMatchObject({
      ok: true,
      warnings: [{ kind: 'phone_tail_recommended', carrier: 'ZTO' }],
    })
  })

  it('warns about an S10 number with a wrong check digit', () => {
    expect(checkTrackingNumber({ carrier: 'EMS', trackingNo: 'EA123456784CN' })).toMatchObject({
      ok: true,
      warnings: [{ kind: 'invalid_check_digit', carrier: 'EMS' }],
    })
  })

  it.each([
    [
      { carrier: 'SF', trackingNo: 'SF1234567890123' },
      { ok: false, reason: 'phone_tail_required', carrier: 'SF' },
    ],
    [
      { carrier: 'FWX', trackingNo: '123456789012', phoneTail: '' },
      { ok: false, reason: 'phone_tail_required', carrier: 'FWX' },
    ],
    [
      { carrier: 'SF', trackingNo: 'SF1234567890123', phoneTail: '12a4' },
      { ok: false, reason: 'invalid_phone_tail', carrier: 'SF' },
    ],
    [
      { carrier: 'SF', trackingNo: 'SF1234567890123', phoneTail: '13800001234' },
      { ok: false, reason: 'invalid_phone_tail', carrier: 'SF' },
    ],
    [
      { carrier: 'SHUNFENG', trackingNo: 'SF1234567890123' },
      { ok: false, reason: 'unknown_carrier', carrier: 'SHUNFENG' },
    ],
    [
      { carrier: 'YTO', trackingNo: 'YT 12#3' },
      { ok: false, reason: 'invalid_format', detail: 'bad_characters', input: 'YT 12#3' },
    ],
  ])('%o is refused', (input, expected) => {
    expect(checkTrackingNumber(input)).toEqual(expected)
  })
})
