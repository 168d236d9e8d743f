// Simulated payments: every charge succeeds at once with a recognisable fake transaction id, so the
// local stack can place orders without a WeChat Pay merchant account. createOrder uses it until a
// WeChat Pay gateway is written; its orders record `payment.provider: 'simulated'`, so they can never
// be mistaken for paid ones.
import type { Clock } from '../platform/clock'
import type { ChargeRequest, ChargeResult, PaymentGateway } from './paymentGateway'

export function simulatedPayments(now: Clock): PaymentGateway {
  return {
    async charge(request: ChargeRequest): Promise<ChargeResult> {
      if (!Number.isInteger(request.amountFen) || request.amountFen <= 0) {
        return { ok: false, reason: 'payment_failed', message: `cannot charge ${request.amountFen} fen` }
      }
      return { ok: true, provider: 'simulated', transactionId: `SIM-${request.orderId}`, paidAt: now() }
    },
    async refund() {
      // Nothing was taken.
    },
  }
}
