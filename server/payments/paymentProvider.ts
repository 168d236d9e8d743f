// Which payment gateway createOrder charges through, from PAYMENT_PROVIDER (DESIGN §5). Explicit on
// purpose: unset or unknown refuses every order instead of quietly simulating, so a production
// deploy without the key cannot hand out goods for fake payments. `wechatpay` (cloud.cloudPay
// unifiedOrder + the pay callback that marks the order paid) is not built yet and says so.
import type { Clock } from '../platform/clock'
import type { PaymentGateway } from './paymentGateway'
import { simulatedPayments } from './simulatedPayments'

export const PAYMENT_PROVIDERS = ['simulated', 'wechatpay'] as const
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number]

export type PaymentSetup = { ok: true; provider: PaymentProvider; gateway: PaymentGateway } | { ok: false; message: string }

export function paymentGatewayFrom(env: Record<string, string | undefined>, now: Clock): PaymentSetup {
  const provider = env.PAYMENT_PROVIDER?.trim()
  if (!provider)
    return { ok: false, message: 'PAYMENT_PROVIDER is not set (simulated | wechatpay); orders are refused rather than simulated' }
  if (provider === 'simulated') return { ok: true, provider, gateway: simulatedPayments(now) }
  if (provider === 'wechatpay')
    return {
      ok: false,
      message: 'PAYMENT_PROVIDER=wechatpay: the cloudPay checkout and its pay callback are not built yet; orders are refused',
    }
  return { ok: false, message: `PAYMENT_PROVIDER must be simulated or wechatpay, not "${provider}"` }
}
