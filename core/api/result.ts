// Expected failures are values (Shopify's webhook validator is the model): every function result is
// `{ ok: true, … }` or `{ ok: false, reason, message }`, with `reason` from a closed list per function
// and `message` readable by a person (zh-CN pages map reasons to their own words).
export interface Failure<Reason extends string> {
  ok: false
  reason: Reason
  message: string
}

/** Reasons any function may answer with. */
export const COMMON_FAILURES = ['invalid_input', 'not_signed_in', 'internal_error'] as const
export type CommonFailure = (typeof COMMON_FAILURES)[number]

export function failure<Reason extends string>(reason: Reason, message: string): Failure<Reason> {
  return { ok: false, reason, message }
}
