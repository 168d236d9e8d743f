// listMyOrders: the caller's own orders, newest first, a page at a time.
import * as cloud from 'wx-server-sdk'
import { failure, listMyOrdersInput } from '../../../core/api'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'
import { listMyOrders } from '../../../server/useCases/shopperReads'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const { openid } = callerFrom(cloud.getWXContext())
  if (!openid) return failure('not_signed_in', 'open the mini-program to see your orders')
  const input = listMyOrdersInput.safeParse(event)
  if (!input.success) return invalidInput(input.error)
  return guarded('listMyOrders', () => listMyOrders(db, openid, input.data))
}
