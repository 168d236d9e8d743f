// createOrder: checkout. Stock is reserved and the order written in one transaction; payment goes
// through the gateway PAYMENT_PROVIDER names (server/payments/paymentProvider.ts); none, no orders.
import * as cloud from 'wx-server-sdk'
import { createOrderInput, failure } from '../../../core/api'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { paymentGatewayFrom } from '../../../server/payments/paymentProvider'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { newOrderId } from '../../../server/platform/ids'
import { callerFrom } from '../../../server/platform/wxContext'
import { createOrder } from '../../../server/useCases/createOrder'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const { openid } = callerFrom(cloud.getWXContext())
  if (!openid) return failure('not_signed_in', 'open the mini-program to place an order')
  const input = createOrderInput.safeParse(event)
  if (!input.success) return invalidInput(input.error)
  const payments = paymentGatewayFrom(process.env, Date.now)
  if (!payments.ok) {
    console.error(`[config] ${payments.message}`)
    return failure('internal_error', 'payments are not configured')
  }
  return guarded('createOrder', () => createOrder({ db, now: Date.now, payments: payments.gateway, newOrderId }, openid, input.data))
}
