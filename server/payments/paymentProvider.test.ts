import { paymentGatewayFrom } from './paymentProvider'
import { simulatedPayments, simulatedTransactionId } from './simulatedPayments'

const NOW = Date.UTC(2025, 0, 1, 17, 30) // 2025-01-02 01:30 in Beijing

test('simulated only when configured so', async () => {
  const setup = paymentGatewayFrom({ PAYMENT_PROVIDER: 'simulated' }, () => NOW)
  expect(setup).toMatchObject({ ok: true, provider: 'simulated' })
  if (!setup.ok) throw new Error(setup.message)
  expect(await setup.gateway.charge({ orderId: 'o1', openid: 'x', amountFen: 100, description: 'd' })).toMatchObject({
    ok: true,
    provider: 'simulated',
    paidAt: NOW,
  })
})

test.each([
  ['unset', {}, 'not set'],
  ['blank', { PAYMENT_PROVIDER: ' ' }, 'not set'],
  ['unknown', { PAYMENT_PROVIDER: 'alipay' }, 'must be simulated or wechatpay'],
  ['wechatpay (not built yet)', { PAYMENT_PROVIDER: 'wechatpay' }, 'not built yet'],
])('%s: refused, never silently simulated', (_case, env, message) => {
  expect(paymentGatewayFrom(env, () => NOW)).toEqual({ ok: false, message: expect.stringContaining(message) })
})

test("transaction ids have WeChat Pay's 28-digit shape with the Beijing pay date", async () => {
  expect(simulatedTransactionId(NOW, 42)).toBe('4200000000202501020000000042')
  const charged = await simulatedPayments(() => NOW).charge({ orderId: 'o1', openid: 'x', amountFen: 1, description: 'd' })
  expect(charged).toMatchObject({ ok: true, transactionId: expect.stringMatching(/^420000000020250102\d{10}$/) })
  expect(await simulatedPayments(() => NOW).charge({ orderId: 'o1', openid: 'x', amountFen: 0, description: 'd' })).toMatchObject({
    ok: false,
  })
})
