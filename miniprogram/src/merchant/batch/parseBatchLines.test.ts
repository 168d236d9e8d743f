import { MAX_BATCH_LINES, parseBatchLines, type BatchLine } from './parseBatchLines'

function lines(text: string): BatchLine[] {
  const parsed = parseBatchLines(text)
  if (!parsed.ok) throw new Error(`expected lines, got ${parsed.reason}`)
  return parsed.lines
}

const fields = (orderId: string, trackingNo: string, carrier: string | null = null, phoneTail: string | null = null) => ({
  ok: true,
  fields: { orderId, trackingNo, carrier, phoneTail },
})

describe('parseBatchLines', () => {
  it.each([
    ['comma', 'ORDER1,SF1400000000771', fields('ORDER1', 'SF1400000000771')],
    ['full-width comma', 'ORDER1，SF1400000000771', fields('ORDER1', 'SF1400000000771')],
    ['tab (pasted from a spreadsheet)', 'ORDER1\tSF1400000000771\t顺丰\t5678', fields('ORDER1', 'SF1400000000771', 'SF', '5678')],
    ['ideographic comma', 'ORDER1、YT1400000000772、圆通', fields('ORDER1', 'YT1400000000772', 'YTO')],
    ['semicolon', 'ORDER1;YT1400000000772', fields('ORDER1', 'YT1400000000772')],
    ['spaces around fields', '  ORDER1 ,  SF 1400 0000 00771 , sf ', fields('ORDER1', 'SF 1400 0000 00771', 'SF')],
    ['quoted CSV fields', '"ORDER1","SF1400000000771","SF","5678"', fields('ORDER1', 'SF1400000000771', 'SF', '5678')],
    ['full-width phone tail', 'ORDER1,SF1400000000771,SF,５６７８', fields('ORDER1', 'SF1400000000771', 'SF', '5678')],
    ['empty carrier with phone tail', 'ORDER1,SF1400000000771,,5678', fields('ORDER1', 'SF1400000000771', null, '5678')],
    ['trailing separators from Excel', 'ORDER1,SF1400000000771,,', fields('ORDER1', 'SF1400000000771')],
  ])('reads %s', (_name, text, expected) => {
    expect(lines(text)[0]).toMatchObject(expected)
  })

  it.each([
    ['no tracking number', 'ORDER1', 'missing_tracking_number'],
    ['empty tracking number', 'ORDER1,,SF', 'missing_tracking_number'],
    ['five fields', 'ORDER1,SF1400000000771,SF,5678,extra', 'too_many_fields'],
    ['an order id with Chinese characters', '订单1,SF1400000000771', 'invalid_order_id'],
    ['an operator smuggled in', '{"$ne":null},SF1400000000771', 'invalid_order_id'],
    ['an unknown carrier', 'ORDER1,SF1400000000771,飞鸽快递', 'unknown_carrier'],
    ['a phone tail of 3 digits', 'ORDER1,SF1400000000771,SF,567', 'invalid_phone_tail'],
    ['a whole phone number as tail', 'ORDER1,SF1400000000771,SF,13800005678', 'invalid_phone_tail'],
  ])('reports %s', (_name, text, problem) => {
    expect(lines(text)[0]).toMatchObject({ ok: false, problem, lineNo: 1 })
  })

  it("skips blank lines, a header and a BOM, keeping each line's number in the original text", () => {
    const parsed = parseBatchLines('\ufeff订单号,运单号,快递公司\r\n\r\nORDER1,SF1400000000771\n   \nORDER2,YT1400000000772,YTO\n')
    expect(parsed).toMatchObject({ ok: true, headerLineNo: 1 })
    expect(
      lines('\ufeff订单号,运单号,快递公司\r\n\r\nORDER1,SF1400000000771\n   \nORDER2,YT1400000000772,YTO\n').map((line) => line.lineNo),
    ).toEqual([3, 5])
  })

  it.each(['orderId,trackingNo', 'order id\ttracking no\tcarrier', '订单编号，物流单号'])('recognises the header %p', (header) => {
    expect(parseBatchLines(`${header}\nORDER1,SF1400000000771`)).toMatchObject({ ok: true, headerLineNo: 1, lines: [{ lineNo: 2 }] })
  })

  it('never takes a data line with a bad order id for a header', () => {
    expect(parseBatchLines('订单1,SF1400000000771\nORDER2,SF1400000000772')).toMatchObject({
      ok: true,
      headerLineNo: null,
      lines: [
        { lineNo: 1, ok: false, problem: 'invalid_order_id' },
        { lineNo: 2, ok: true },
      ],
    })
  })

  it('refuses an empty paste and a batch over the limit', () => {
    expect(parseBatchLines(' \n\n ')).toEqual({ ok: false, reason: 'empty', lines: 0 })
    expect(parseBatchLines('orderId,trackingNo\n')).toEqual({ ok: false, reason: 'empty', lines: 0 })
    const tooMany = Array.from({ length: MAX_BATCH_LINES + 1 }, (_, index) => `O${index},SF14000${String(index).padStart(8, '0')}`).join(
      '\n',
    )
    expect(parseBatchLines(tooMany)).toEqual({ ok: false, reason: 'too_many_lines', lines: MAX_BATCH_LINES + 1 })
  })
})
