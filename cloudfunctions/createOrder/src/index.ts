// createOrder: checkout. Stock is reserved and the order written in one transaction; payment goes
// through the server/payments seam (simulated until a WeChat Pay gateway is written).
import * as cloud from 'wx-server-sdk'
import { createOrderInput, failure } from '../../../core/api'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { simulatedPayments } from '../../../server/payments/simulatedPayments'
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
  return guarded('createOrder', () => createOrder({ db, now: Date.now, payments: simulatedPayments(Date.now), newOrderId }, openid, input.data))
}
