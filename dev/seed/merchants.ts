// Who may use the merchant console: `dev-merchant` plus every openid in MERCHANT_OPENIDS (DESIGN §5).
export interface SeedMerchant {
  _id: string
  name: string
  role: 'owner' | 'staff'
}

export const DEV_MERCHANT_OPENID = 'dev-merchant'

export function demoMerchants(merchantOpenids: string | undefined): SeedMerchant[] {
  const extra = (merchantOpenids ?? '')
    .split(',')
    .map((openid) => openid.trim())
    .filter((openid) => openid !== '' && openid !== DEV_MERCHANT_OPENID)
  return [
    { _id: DEV_MERCHANT_OPENID, name: 'Dev Merchant', role: 'owner' },
    ...[...new Set(extra)].map((openid): SeedMerchant => ({ _id: openid, name: `Merchant ${openid}`, role: 'staff' })),
  ]
}
