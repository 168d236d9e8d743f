import { fireEvent, render, screen } from '@testing-library/react'
import { parseBatchLines } from '../../batch/parseBatchLines'
import { previewBatch } from '../../batch/previewBatch'
import { BatchPreviewTable } from './BatchPreviewTable'

function rowsOf(text: string) {
  const parsed = parseBatchLines(text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return previewBatch(parsed.lines, [{ trackingNo: 'YT1400000000779', parcelId: 'YTO:YT1400000000779', orderId: 'OTHER' }]).rows
}

const TEXT = [
  'A1,SF1400000000771,,1234',
  'A2,123456789012',
  'A3,ABC',
  'A4,XX99999999',
  'A5,YT1400000000779',
  'A1,sf1400000000771,,1234',
].join('\n')

describe('BatchPreviewTable', () => {
  it('shows each line with its verdict and why, by line number', () => {
    const { container } = render(<BatchPreviewTable rows={rowsOf(TEXT)} onlyProblems={false} onPick={jest.fn()} />)
    const rows = Array.from(container.querySelectorAll('[data-line]'))
    expect(rows.map((row) => [row.getAttribute('data-line'), row.getAttribute('data-state')])).toEqual([
      ['1', 'ready'],
      ['2', 'needs_carrier'],
      ['3', 'error'],
      ['4', 'needs_carrier'],
      ['5', 'error'],
      ['6', 'skipped'],
    ])
    expect(rows[0]?.textContent).toContain('顺丰速运自动')
    expect(rows[2]?.textContent).toContain('运单号太短（至少6位）')
    expect(rows[4]?.textContent).toContain('该运单号已用于订单 OTHER')
    expect(rows[5]?.textContent).toContain('与第 1 行重复，只提交一次')
  })

  it('offers the candidates of an ambiguous line, and common carriers for an unrecognised one', () => {
    const onPick = jest.fn()
    const { container } = render(<BatchPreviewTable rows={rowsOf(TEXT)} onlyProblems={false} onPick={onPick} />)
    const choices = (line: number) =>
      Array.from(container.querySelectorAll(`[data-line="${line}"] .mc-batch-preview__choice`)).map((choice) => choice.textContent)
    expect(choices(2)).toEqual(['顺丰速运', '安能快递'])
    expect(choices(4)).toEqual(['顺丰速运', '中通快递', '圆通速递', '申通快递', '韵达速递', '极兔速递', 'EMS', '京东快递'])
    fireEvent.click(container.querySelector('[data-line="2"] [data-carrier="ANE"]')!)
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ lineNo: 2, trackingNo: '123456789012' }), 'ANE')
  })

  it('shows only the lines with something to see when asked, counting the rest', () => {
    const { container } = render(
      <BatchPreviewTable
        rows={rowsOf(['A1,YT1400000000771', 'A2,YT1400000000772', 'A3,ABC'].join('\n'))}
        onlyProblems
        onPick={jest.fn()}
      />,
    )
    expect(Array.from(container.querySelectorAll('[data-line]')).map((row) => row.getAttribute('data-line'))).toEqual(['3'])
    expect(screen.getByText('还有 2 行可提交（未显示）')).toBeTruthy()
  })
})
