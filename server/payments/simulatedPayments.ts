// Simulated payments: every charge succeeds at once, so the local stack can place orders without a
// WeChat Pay merchant account. Chosen only by PAYMENT_PROVIDER=simulated (paymentProvider.ts); its
// orders record `payment.provider: 'simulated'`, so they can never be mistaken for paid ones. The
// transaction id has WeChat Pay's shape (28 digits: 4200 + 6 + the Beijing pay date + 10), because
// what is built on it — the shipping upload's order_key — must see the real format.
import { randomInt } from 'node:crypto'
import type { Clock } from '../platform/clock'
import type { ChargeRequest, ChargeResult, PaymentGateway } from './paymentGateway'

export function simulatedTransactionId(paidAt: number, serial: number): string {
  const day = new Date(paidAt + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  return `4200000000${day}${String(serial).padStart(10, '0').slice(-10)}`
}

export function simulatedPayments(now: Clock, serial: () => number = () => randomInt(0, 10_000_000_000)): PaymentGateway {
  return {
    async charge(request: ChargeRequest): Promise<ChargeResult> {
      if (!Number.isInteger(request.amountFen) || request.amountFen <= 0) {
        return { ok: false, reason: 'payment_failed', message: `cannot charge ${request.amountFen} fen` }
      }
      const paidAt = now()
      return { ok: true, provider: 'simulated', transactionId: simulatedTransactionId(paidAt, serial()), paidAt }
    },
    async refund() {
      // Nothing was taken.
    },
  }
}
