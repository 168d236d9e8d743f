// Kuaidi100 returnCodes as typed failures (aggregators.md §2.3 query, §2.4 subscribe). `retryable`
// tells the outbox whether the same request may succeed later.
export interface ReturnCodeRow<Reason extends string> {
  reason: Reason
  meaning: string
  retryable: boolean
}

export type Kuaidi100QueryFailureReason =
  'bad_request' | 'phone_tail_mismatch' | 'no_result' | 'server_error' | 'server_busy' | 'bad_signature' | 'key_expired' | 'vendor_error'

export const KUAIDI100_QUERY_RETURN_CODES: Record<string, ReturnCodeRow<Kuaidi100QueryFailureReason>> = {
  '400': { reason: 'bad_request', meaning: '找不到对应公司/数据不完整/未授权', retryable: false },
  '408': { reason: 'phone_tail_mismatch', meaning: '快递公司参数异常：验证码错误', retryable: false },
  // Also what a number that does not belong to the carrier gets; "请隔段时间再查" for a new one.
  '500': { reason: 'no_result', meaning: '查询无结果，请隔段时间再查', retryable: true },
  '501': { reason: 'server_error', meaning: '服务器错误', retryable: true },
  '502': { reason: 'server_busy', meaning: '服务器繁忙', retryable: true },
  '503': { reason: 'bad_signature', meaning: '验证签名失败', retryable: false },
  '601': { reason: 'key_expired', meaning: 'key已过期/没有可用单量', retryable: false },
}

export type Kuaidi100SubscribeFailureReason =
  'server_error' | 'invalid_key' | 'key_expired' | 'bad_request' | 'carrier_refused' | 'carrier_unrecognised' | 'vendor_error'

/** 200 提交成功 and 501 重复订阅 are both "the number is being tracked" and are not failures. */
export const KUAIDI100_SUBSCRIBE_RETURN_CODES: Record<string, ReturnCodeRow<Kuaidi100SubscribeFailureReason>> = {
  '500': { reason: 'server_error', meaning: '服务器错误', retryable: true },
  '600': { reason: 'invalid_key', meaning: '不是合法的订阅者(key错误)', retryable: false },
  '601': { reason: 'key_expired', meaning: 'KEY已过期', retryable: false },
  '700': { reason: 'bad_request', meaning: '订阅数据错误(不支持的公司、单号为空/超长)或错误的回调地址', retryable: false },
  '701': { reason: 'carrier_refused', meaning: '拒绝订阅的快递公司', retryable: false },
  '702': { reason: 'carrier_unrecognised', meaning: '识别不到该单号对应的快递公司', retryable: false },
}

export function returnCodeFailure<Reason extends string>(
  table: Record<string, ReturnCodeRow<Reason>>,
  fallback: Reason,
  returnCode: string,
  message: string,
): { ok: false; reason: Reason; returnCode: string; retryable: boolean; message: string } {
  const row = table[returnCode]
  return { ok: false, reason: row?.reason ?? fallback, returnCode, retryable: row?.retryable ?? true, message }
}
