import { parseBatchLines } from './parseBatchLines'
import { previewBatch } from './previewBatch'
import { failedLinesText, reportLines, reportSummary, reportText } from './batchReport'
import type { LineOutcome } from './submitInChunks'
import { nth } from '../../../../test/support/nth'

function previewOf(text: string) {
  const parsed = parseBatchLines(text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return previewBatch(parsed.lines, [])
}

const TEXT = [
  'A1,SF1400000000771,,5678', // created
  'A2,YT1400000000772', // unchanged (submitted before)
  'A3,123456789012', // needs a carrier: not submitted
  'A4,YT1400000000774', // refused: on another order
  'A5,YT1400000000775', // not sent: the call failed
  'A6,ABC', // error: not submitted
  'A1,sf1400000000771,,5678', // a repeat of line 1: carried by it
].join('\n')

function outcomes(): LineOutcome[] {
  const preview = previewOf(TEXT)
  const [l1, l2, l4, l5] = [nth(preview.entries, 0), nth(preview.entries, 1), nth(preview.entries, 2), nth(preview.entries, 3)]
  return [
    {
      ...l1,
      result: {
        ok: true,
        parcelId: 'SF:SF1400000000771',
        carrier: 'SF',
        trackingNo: 'SF1400000000771',
        outcome: 'created',
        subscription: 'subscribed',
      },
    },
    {
      ...l2,
      result: {
        ok: true,
        parcelId: 'YTO:YT1400000000772',
        carrier: 'YTO',
        trackingNo: 'YT1400000000772',
        outcome: 'unchanged',
        subscription: 'subscribed',
      },
    },
    {
      ...l4,
      result: { ok: false, reason: 'number_on_other_order', message: 'YT1400000000774 is already on order B9', otherOrderId: 'B9' },
    },
    { ...l5, result: { ok: false, reason: 'not_sent', message: 'network down' } },
  ]
}

describe('batch report', () => {
  it("gives every pasted line a verdict in the merchant's words", () => {
    const lines = reportLines(previewOf(TEXT).rows, outcomes())
    expect(lines.map((line) => [line.lineNo, line.verdict, line.text])).toEqual([
      [1, 'created', '新录入'],
      [2, 'unchanged', '已录入过，未变化'],
      [3, 'not_submitted', '未提交：可能是 顺丰速运 / 安能快递，请选择'],
      [4, 'failed', '该运单号已用于其他订单（订单 B9）'],
      [5, 'failed', '未提交（网络中断），请重新提交'],
      [6, 'not_submitted', '未提交：运单号太短（至少6位）'],
      [7, 'skipped', '与第 1 行重复，已合并'],
    ])
    expect(reportSummary(lines)).toEqual({ ok: 2, failed: 4, skipped: 1, created: 1, unchanged: 1, replaced: 0 })
  })

  it('names the candidates of an ambiguous number', () => {
    const preview = previewOf('A1,123456789012,SF')
    const lines = reportLines(preview.rows, [
      { ...nth(preview.entries, 0), result: { ok: false, reason: 'ambiguous_carrier', message: 'x', candidates: ['SF', 'ANE'] } },
    ])
    expect(lines[0]?.text).toBe('单号可能属于多家快递，请指定快递公司（顺丰速运 / 安能快递）')
  })

  it('copies as tab-separated text with a summary line', () => {
    expect(reportText(reportLines(previewOf(TEXT).rows, outcomes())).split('\n')).toEqual([
      '批量发货结果：共 7 行，成功 2 行（新录入 1，已录入过 1），失败 4 行，重复跳过 1 行',
      '行号\t订单号\t运单号\t快递公司\t结果\t说明',
      '1\tA1\tSF1400000000771\t顺丰速运\t成功\t新录入',
      '2\tA2\tYT1400000000772\t圆通速递\t成功\t已录入过，未变化',
      '3\tA3\t123456789012\t\t失败\t未提交：可能是 顺丰速运 / 安能快递，请选择',
      '4\tA4\tYT1400000000774\t圆通速递\t失败\t该运单号已用于其他订单（订单 B9）',
      '5\tA5\tYT1400000000775\t圆通速递\t失败\t未提交（网络中断），请重新提交',
      '6\tA6\tABC\t\t失败\t未提交：运单号太短（至少6位）',
      '7\tA1\tSF1400000000771\t顺丰速运\t跳过\t与第 1 行重复，已合并',
    ])
  })

  it('hands back only the lines that did not go through, as written', () => {
    expect(failedLinesText(reportLines(previewOf(TEXT).rows, outcomes()))).toBe(
      'A3,123456789012\nA4,YT1400000000774\nA5,YT1400000000775\nA6,ABC',
    )
  })
})
