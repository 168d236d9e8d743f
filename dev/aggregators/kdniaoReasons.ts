// Kdniao's failure texts: `Success:false` plus a bracketed Reason (reference/aggregators.md §1.9).
// The bracket prefixes (非法参数, 业务错误, 无效的输入) are documented; the words inside are ours
// where the reference elides them. 手机尾号不能为空 is quoted from a practitioner report (§1.4).

export const KDNIAO_REASONS = {
  badCredentials: '非法参数[请核实ID和key是否正确]',
  missingField: (field: string) => `非法参数[缺少必要参数${field}]`,
  badForm: '非法参数[请求参数编码有误]',
  noPlan: '业务错误[没有可用套餐]',
  qpsExceeded: (qps: number) => `业务错误[超出并发限制，每秒不超过${qps}次]`,
  badDataType: '无效的输入[【DataType】不正确]',
  badRequestType: (requestType: string) => `无效的输入[【RequestType】${requestType}不正确]`,
  badRequestData: '无效的输入[RequestData格式有误]',
  missingInput: (field: string) => `无效的输入[【${field}】不能为空]`,
  badShipperCode: (code: string) => `无效的输入[【ShipperCode】${code}不正确]`,
  unrecognisedNumber: '无效的输入[【LogisticCode】无法识别快递公司]',
  missingPhoneTail: '手机尾号不能为空',
  busy: '系统错误[服务繁忙，请稍后重试]',
} as const
