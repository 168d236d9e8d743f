// merchantConsole: the admin tab's reads and actions, merchants only.
import * as cloud from 'wx-server-sdk'
import { failure, merchantConsoleInput } from '../../../core/api'
import { merchantOpenidsFrom } from '../../../server/config'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { realSleep } from '../../../server/platform/clock'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { cloudOpenApi } from '../../../server/platform/wechatOpenApi'
import { callerFrom } from '../../../server/platform/wxContext'
import { findMerchant } from '../../../server/repositories/merchants'
import { merchantConsole } from '../../../server/useCases/merchantConsole'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const { openid } = callerFrom(cloud.getWXContext())
  if (!openid) return failure('not_signed_in', 'sign in as a merchant')
  return guarded('merchantConsole', async () => {
    const merchant = await findMerchant(db, openid, merchantOpenidsFrom(process.env.MERCHANT_OPENIDS))
    if (!merchant) return failure('not_merchant', 'this console is for merchants')
    const input = merchantConsoleInput.safeParse(event)
    if (!input.success) return invalidInput(input.error)
    return merchantConsole({ db, now: Date.now, sleep: realSleep, env: process.env, openApi: cloudOpenApi(cloud) }, merchant, input.data)
  })
}
