// Kuaidi100 failure answers: `{"result":false,"returnCode":"<code>","message":…}`, returnCode a
// string (reference/aggregators.md §2.3, §2.4). Messages follow the documented code meanings.
import { json, type HttpReply } from './context'

export const KUAIDI100_MESSAGES = {
  '400': { incomplete: '数据不完整', unknownCompany: '找不到对应公司', unauthorised: '未授权' },
  '408': '快递公司参数异常：验证码错误',
  '500': '查询无结果，请隔段时间再查',
  '502': '服务器繁忙',
  '503': '验证签名失败',
  '601': { expired: 'key已过期', noQuota: '没有可用单量' },
  poll: {
    '500': '服务器错误',
    '501': '重复订阅',
    '600': '不是合法的订阅者',
    '601': 'KEY已过期',
    '700': { badData: '订阅数据错误', badCallback: '错误的回调地址', phoneRequired: '订阅数据错误：该快递公司需提供phone（手机号后四位）' },
    '701': '拒绝订阅的快递公司',
    '702': '识别不到该单号对应的快递公司',
  },
} as const

export function kuaidi100Failure(returnCode: string, message: string): HttpReply {
  return json({ result: false, returnCode, message })
}

export function kuaidi100Accepted(): HttpReply {
  return json({ result: true, returnCode: '200', message: '提交成功' })
}
