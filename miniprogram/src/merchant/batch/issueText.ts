// A preview issue in the merchant's words. Line numbers are the pasted text's, so "第3行" is the
// third line the merchant sees in the box.
import { carrierInfo, type CarrierCode } from '@core/carriers/carrierRegistry'
import type { LineProblem } from './parseBatchLines'
import type { RowIssue } from './previewBatch'

const name = (code: CarrierCode) => carrierInfo(code).names['zh-CN']

const PARSE_TEXT: Record<LineProblem, (detail: string) => string> = {
  missing_tracking_number: () => '缺少运单号',
  too_many_fields: (count) => `列数过多（${count} 列），格式为 订单号,运单号,快递公司,手机尾号`,
  invalid_order_id: (id) => (id ? `订单号“${id}”格式不正确` : '缺少订单号'),
  unknown_carrier: (text) => `不认识的快递公司“${text}”`,
  invalid_phone_tail: (text) => `手机尾号“${text}”应为4位数字`,
}

const NUMBER_TEXT = {
  empty: '缺少运单号',
  bad_characters: '运单号只能包含字母和数字',
  too_short: '运单号太短（至少6位）',
  too_long: '运单号太长（最多32位）',
  invalid_check_digit: '运单号校验位不正确',
} as const

export function issueText(issue: RowIssue): string {
  switch (issue.kind) {
    case 'parse':
      return PARSE_TEXT[issue.problem](issue.detail)
    case 'invalid_number':
      return NUMBER_TEXT[issue.detail]
    case 'ambiguous':
      return `可能是 ${issue.candidates.map(name).join(' / ')}，请选择`
    case 'unrecognised':
      return '未能识别快递公司，请在行末加上快递公司'
    case 'duplicate_in_batch':
      return `与第 ${issue.otherLines.join('、')} 行的运单号相同但订单或快递不同`
    case 'on_other_order':
      return `该运单号已用于订单 ${issue.otherOrderId}`
    case 'pattern_mismatch':
      return issue.detected.length > 0 ? `单号格式更像 ${issue.detected.map(name).join(' / ')}` : `单号格式不像 ${name(issue.carrier)}`
    case 'low_confidence':
      return `按单号推测为 ${name(issue.carrier)}，请确认`
    case 'check_digit':
      return '运单号校验位不正确，请核对'
    case 'repeated_line':
      return `与第 ${issue.firstLine} 行重复，只提交一次`
    case 'already_on_order':
      return '此前已录入，提交后不会重复创建'
    case 'phone_tail_from_order':
      return `${name(issue.carrier)}需要手机尾号，将使用收件人手机后4位`
  }
}
