import { issueText } from './issueText'
import type { RowIssue } from './previewBatch'

describe('issueText', () => {
  it.each<[RowIssue, string]>([
    [{ kind: 'parse', problem: 'missing_tracking_number', detail: '' }, '缺少运单号'],
    [{ kind: 'parse', problem: 'too_many_fields', detail: '5' }, '列数过多（5 列），格式为 订单号,运单号,快递公司,手机尾号'],
    [{ kind: 'parse', problem: 'invalid_order_id', detail: '订单1' }, '订单号“订单1”格式不正确'],
    [{ kind: 'parse', problem: 'invalid_order_id', detail: '' }, '缺少订单号'],
    [{ kind: 'parse', problem: 'unknown_carrier', detail: '飞鸽' }, '不认识的快递公司“飞鸽”'],
    [{ kind: 'parse', problem: 'invalid_phone_tail', detail: '567' }, '手机尾号“567”应为4位数字'],
    [{ kind: 'invalid_number', detail: 'too_short' }, '运单号太短（至少6位）'],
    [{ kind: 'ambiguous', candidates: ['SF', 'ANE'] }, '可能是 顺丰速运 / 安能快递，请选择'],
    [{ kind: 'unrecognised' }, '未能识别快递公司，请在行末加上快递公司'],
    [{ kind: 'duplicate_in_batch', otherLines: [3, 7] }, '与第 3、7 行的运单号相同但订单或快递不同'],
    [{ kind: 'on_other_order', otherOrderId: 'B9' }, '该运单号已用于订单 B9'],
    [{ kind: 'pattern_mismatch', carrier: 'YTO', detected: ['ZTO'] }, '单号格式更像 中通快递'],
    [{ kind: 'low_confidence', carrier: 'DBL' }, '按单号推测为 德邦快递，请确认'],
    [{ kind: 'repeated_line', firstLine: 2 }, '与第 2 行重复，只提交一次'],
    [{ kind: 'already_on_order', parcelId: 'SF:SF1' }, '此前已录入，提交后不会重复创建'],
    [{ kind: 'phone_tail_from_order', carrier: 'SF' }, '顺丰速运需要手机尾号，将使用收件人手机后4位'],
  ])('%j', (issue, text) => {
    expect(issueText(issue)).toBe(text)
  })
})
