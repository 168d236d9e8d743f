// The payment seam. Locally, `simulatedPayments` settles at once. A WeChat Pay implementation would
// satisfy the same interface with wx-server-sdk's cloud payment (`cloud.cloudPay`):
//   charge  → cloudPay.unifiedOrder({ body, outTradeNo: orderId, totalFee: amountFen, subMchId, envId,
//             functionName: <the pay-callback function> }); the page calls wx.requestPayment with the
//             returned payment params, and the order is marked paid when the `wx_paycallback` function
//             receives the result (the transaction id) — so `charge` would answer `pending` there;
//   refund  → cloudPay.refund({ outTradeNo, outRefundNo, totalFee, refundFee, subMchId }).
// Shipping info for settlement (reference/wechat.md §5.1) is uploaded by server/shipping.
export interface ChargeRequest {
  orderId: string
  openid: string
  amountFen: number
  description: string
}

export type ChargeResult =
  | { ok: true; provider: 'simulated' | 'wechatpay'; transactionId: string; paidAt: number }
  | { ok: false; reason: 'payment_failed'; message: string }

export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<ChargeResult>
  /** Gives the money back for an order that could not be placed after all (stock ran out meanwhile). */
  refund(transactionId: string, amountFen: number): Promise<void>
}
