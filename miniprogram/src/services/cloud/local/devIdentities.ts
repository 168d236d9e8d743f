// The identities the local cloud seeds (DESIGN §5), offered by the local build's identity badge.
export interface DevIdentity {
  openid: string
  label: string
}

export const DEV_IDENTITIES: readonly DevIdentity[] = [
  { openid: 'dev-shopper', label: '顾客 dev-shopper' },
  { openid: 'dev-shopper-2', label: '顾客 dev-shopper-2' },
  { openid: 'dev-merchant', label: '商家 dev-merchant' },
]

export const DEFAULT_DEV_OPENID = 'dev-shopper'

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isDevOpenid(value: unknown): value is string {
  return typeof value === 'string' && OPENID_PATTERN.test(value)
}
