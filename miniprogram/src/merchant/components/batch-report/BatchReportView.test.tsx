import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import type { ReportLine } from '../../batch/batchReport'
import { BatchReportView } from './BatchReportView'
import { nth } from '../../../../../test/support/nth'

const LINES: ReportLine[] = [
  {
    lineNo: 1,
    raw: 'A1,SF1400000000771',
    orderId: 'A1',
    trackingNo: 'SF1400000000771',
    carrierName: '顺丰速运',
    verdict: 'created',
    text: '新录入',
  },
  {
    lineNo: 2,
    raw: 'A2,ABC',
    orderId: 'A2',
    trackingNo: 'ABC',
    carrierName: '',
    verdict: 'not_submitted',
    text: '未提交：运单号太短（至少6位）',
  },
  {
    lineNo: 3,
    raw: 'A3,YT1400000000773',
    orderId: 'A3',
    trackingNo: 'YT1400000000773',
    carrierName: '圆通速递',
    verdict: 'unchanged',
    text: '已录入过，未变化',
  },
]

describe('BatchReportView', () => {
  beforeEach(() => jest.clearAllMocks())

  it('counts, lists failures first, and copies the whole report', () => {
    const { container } = render(<BatchReportView lines={LINES} onFixFailed={jest.fn()} onNewBatch={jest.fn()} />)
    expect(container.querySelector('.mc-batch-report__summary')?.textContent).toContain('2成功1失败')
    expect(Array.from(container.querySelectorAll('[data-line]')).map((row) => row.getAttribute('data-line'))).toEqual(['2', '1', '3'])
    fireEvent.click(screen.getByText('复制结果'))
    const copied = nth(jest.mocked(Taro.setClipboardData).mock.calls, 0)[0].data
    expect(copied.split('\n')).toEqual([
      '批量发货结果：共 3 行，成功 2 行（新录入 1，已录入过 1），失败 1 行',
      '行号\t订单号\t运单号\t快递公司\t结果\t说明',
      '1\tA1\tSF1400000000771\t顺丰速运\t成功\t新录入',
      '2\tA2\tABC\t\t失败\t未提交：运单号太短（至少6位）',
      '3\tA3\tYT1400000000773\t圆通速递\t成功\t已录入过，未变化',
    ])
  })

  it('offers to fix the failed lines only when there are some', () => {
    const onFixFailed = jest.fn()
    const { rerender } = render(<BatchReportView lines={LINES} onFixFailed={onFixFailed} onNewBatch={jest.fn()} />)
    fireEvent.click(screen.getByText('修改失败行后重新提交'))
    expect(onFixFailed).toHaveBeenCalledTimes(1)
    rerender(<BatchReportView lines={[nth(LINES, 0), nth(LINES, 2)]} onFixFailed={onFixFailed} onNewBatch={jest.fn()} />)
    expect(screen.queryByText('修改失败行后重新提交')).toBeNull()
  })
})
