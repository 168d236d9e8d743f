import { parseBatchLines, type BatchLine } from './parseBatchLines'
import { lineWithCarrier, numbersToLookUp, previewBatch, type UsedNumber } from './previewBatch'
import { nth } from '../../../../test/support/nth'

function parsed(text: string): BatchLine[] {
  const result = parseBatchLines(text)
  if (!result.ok) throw new Error(result.reason)
  return result.lines
}

const preview = (text: string, used: UsedNumber[] = []) => previewBatch(parsed(text), used)
const row = (text: string, used: UsedNumber[] = []) => nth(preview(text, used).rows, 0)

describe('previewBatch, one line at a time', () => {
  it.each([
    [
      'a detected carrier',
      'A1,sf 1400 0000 00771',
      {
        state: 'ready',
        trackingNo: 'SF1400000000771',
        carrier: 'SF',
        carrierSource: 'detected',
        issues: [{ kind: 'phone_tail_from_order', carrier: 'SF' }],
      },
    ],
    ['a given carrier that fits', 'A1,YT1400000000772,圆通', { state: 'ready', carrier: 'YTO', carrierSource: 'given', issues: [] }],
    [
      'an ambiguous number',
      'A1,123456789012',
      { state: 'needs_carrier', carrier: null, issues: [{ kind: 'ambiguous', candidates: ['SF', 'ANE'] }] },
    ],
    ['an unrecognised number', 'A1,XX99999999', { state: 'needs_carrier', carrier: null, issues: [{ kind: 'unrecognised' }] }],
    [
      'an ambiguous number with the carrier given',
      'A1,123456789012,ANE',
      { state: 'ready', carrier: 'ANE', carrierSource: 'given', issues: [] },
    ],
    ['a low-confidence guess', 'A1,12345678', { state: 'warning', carrier: 'DBL', issues: [{ kind: 'low_confidence', carrier: 'DBL' }] }],
    [
      "a number that looks like another carrier's",
      'A1,78912345678901,YTO',
      { state: 'warning', carrier: 'YTO', issues: [{ kind: 'pattern_mismatch', carrier: 'YTO', detected: ['ZTO'] }] },
    ],
    ['a too-short number', 'A1,ABC', { state: 'error', issues: [{ kind: 'invalid_number', detail: 'too_short' }] }],
    ['bad characters', 'A1,SF#1400000000771', { state: 'error', issues: [{ kind: 'invalid_number', detail: 'bad_characters' }] }],
    [
      'a failed S10 check digit',
      'A1,EA123456784CN',
      { state: 'error', issues: [{ kind: 'invalid_number', detail: 'invalid_check_digit' }] },
    ],
    [
      'a failed S10 check digit with the carrier given',
      'A1,EA123456784CN,EMS',
      { state: 'warning', carrier: 'EMS', issues: [{ kind: 'check_digit' }] },
    ],
    ['a valid S10 number', 'A1,EA123456785CN', { state: 'ready', carrier: 'EMS', issues: [] }],
    ['SF with its phone tail', 'A1,SF1400000000771,SF,5678', { state: 'ready', phoneTail: '5678', issues: [] }],
    [
      'a parse problem',
      'A1,SF1400000000771,飞鸽',
      { state: 'error', issues: [{ kind: 'parse', problem: 'unknown_carrier', detail: '飞鸽' }] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(row(text)).toMatchObject(expected)
  })
})

describe('previewBatch, across the batch', () => {
  it('sends a repeated line once and flags the repeats', () => {
    const result = preview('A1,SF1400000000771\nA1,sf1400000000771\nA1,SF 1400000000771')
    expect(result.rows.map((r) => r.state)).toEqual(['ready', 'skipped', 'skipped'])
    expect(result.rows[1]?.issues).toContainEqual({ kind: 'repeated_line', firstLine: 1 })
    expect(result.entries.map((e) => e.lineNo)).toEqual([1])
  })

  it('stops every line of a number given to two orders, naming the other lines', () => {
    const result = preview('A1,SF1400000000771\nA2,YT1400000000772\nA3,SF1400000000771')
    expect(result.rows.map((r) => r.state)).toEqual(['error', 'ready', 'error'])
    expect(result.rows[0]?.issues).toContainEqual({ kind: 'duplicate_in_batch', otherLines: [3] })
    expect(result.rows[2]?.issues).toContainEqual({ kind: 'duplicate_in_batch', otherLines: [1] })
    expect(result.entries.map((e) => e.lineNo)).toEqual([2])
  })

  it('treats the same number under two carriers on one order as a conflict', () => {
    expect(preview('A1,123456789012,SF\nA1,123456789012,ANE').rows.map((r) => r.state)).toEqual(['error', 'error'])
  })

  it('refuses a number already on another order and notes one already on this order', () => {
    const used = [
      { trackingNo: 'SF1400000000771', parcelId: 'SF:SF1400000000771', orderId: 'OTHER' },
      { trackingNo: 'YT1400000000772', parcelId: 'YTO:YT1400000000772', orderId: 'A2' },
    ]
    const result = preview('A1,SF1400000000771\nA2,YT1400000000772', used)
    expect(result.rows[0]).toMatchObject({
      state: 'error',
      issues: expect.arrayContaining([{ kind: 'on_other_order', otherOrderId: 'OTHER' }]),
    })
    expect(result.rows[1]).toMatchObject({ state: 'ready', issues: [{ kind: 'already_on_order', parcelId: 'YTO:YT1400000000772' }] })
  })

  it('counts rows by state and submits ready and warning rows with the carrier shown', () => {
    const result = preview(['A1,SF1400000000771,,1234', 'A2,12345678', 'A3,123456789012', 'A4,ABC', 'A1,SF1400000000771,,1234'].join('\n'))
    expect(result.counts).toEqual({ ready: 1, warning: 1, needs_carrier: 1, error: 1, skipped: 1 })
    expect(result.entries).toEqual([
      { lineNo: 1, entry: { orderId: 'A1', trackingNo: 'SF1400000000771', carrier: 'SF', phoneTail: '1234' } },
      { lineNo: 2, entry: { orderId: 'A2', trackingNo: '12345678', carrier: 'DBL' } },
    ])
  })
})

describe('numbersToLookUp and lineWithCarrier', () => {
  it('asks about each well-formed number once, normalised', () => {
    expect(numbersToLookUp(parsed('A1,sf1400000000771\nA2,SF 1400000000771\nA3,ABC\n订单,YT1400000000772\nA4,YT1400000000772'))).toEqual([
      'SF1400000000771',
      'YT1400000000772',
    ])
  })

  it('rewrites a line with the picked carrier, keeping its phone tail', () => {
    const ambiguous = row('A1,123456789012,,5678')
    expect(lineWithCarrier(ambiguous, 'ANE')).toBe('A1,123456789012,ANE,5678')
    expect(row(lineWithCarrier(ambiguous, 'ANE'))).toMatchObject({ state: 'ready', carrier: 'ANE', carrierSource: 'given' })
  })
})
