// getOrderTracking: one of the caller's orders with its parcels and their timelines.
import * as cloud from 'wx-server-sdk'
import { failure, getOrderTrackingInput } from '../../../core/api'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'
import { getOrderTracking } from '../../../server/useCases/shopperReads'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const { openid } = callerFrom(cloud.getWXContext())
  if (!openid) return failure('not_signed_in', 'open the mini-program to see your order')
  const input = getOrderTrackingInput.safeParse(event)
  if (!input.success) return invalidInput(input.error)
  return guarded('getOrderTracking', () => getOrderTracking(db, openid, input.data.orderId))
}
