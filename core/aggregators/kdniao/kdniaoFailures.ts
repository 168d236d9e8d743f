// Kdniao reports failures as `Success:false` plus bracketed Reason text (aggregators.md §1.9), with
// no stable code; the text is classified so callers can branch (retry or not) without string matching.
export type KdniaoFailureReason =
  'rejected_credentials' | 'plan_unavailable' | 'phone_tail_rejected' | 'invalid_input' | 'rate_limited' | 'vendor_error'

export interface KdniaoFailureRule {
  pattern: RegExp
  reason: KdniaoFailureReason
  /** Worth retrying later unchanged. */
  retryable: boolean
}

// Order matters: "无效的输入[【ShipperCode】…]" is invalid input even though it names a field.
export const KDNIAO_FAILURE_RULES: readonly KdniaoFailureRule[] = [
  { pattern: /没有可用套餐|套餐/, reason: 'plan_unavailable', retryable: false },
  { pattern: /非法参数|签名|DataSign|EBusinessID/i, reason: 'rejected_credentials', retryable: false },
  { pattern: /手机尾号|CustomerName/i, reason: 'phone_tail_rejected', retryable: false },
  { pattern: /超出查询次数|次数限制|频繁/, reason: 'rate_limited', retryable: true },
  { pattern: /无效的输入|格式|单号|缺少必要参数/, reason: 'invalid_input', retryable: false },
]

export interface KdniaoFailure {
  ok: false
  reason: KdniaoFailureReason
  retryable: boolean
  message: string
}

export function classifyKdniaoFailure(message: string | null | undefined): KdniaoFailure {
  const text = message ?? ''
  const rule = KDNIAO_FAILURE_RULES.find(({ pattern }) => pattern.test(text))
  return { ok: false, reason: rule?.reason ?? 'vendor_error', retryable: rule?.retryable ?? true, message: text }
}
