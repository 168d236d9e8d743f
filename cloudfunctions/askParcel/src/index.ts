// askParcel: "问问我的包裹" — a question in plain Chinese, answered from the caller's own orders.
import * as cloud from 'wx-server-sdk'
import { askParcelInput, failure } from '../../../core/api'
import { askParcel } from '../../../server/assistant/askParcel'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const { openid } = callerFrom(cloud.getWXContext())
  if (!openid) return failure('not_signed_in', 'open the mini-program to ask about your parcels')
  const input = askParcelInput.safeParse(event)
  if (!input.success) return invalidInput(input.error)
  return guarded('askParcel', () => askParcel({ db, now: Date.now }, openid, input.data.question))
}
