// notifyWechat (timer, every minute): sends due subscribe messages and uploads due shipping info.
import * as cloud from 'wx-server-sdk'
import { failure, type TimerRunResult } from '../../../core/api'
import { guarded } from '../../../server/functions/runtime'
import { loadNotifyConfig } from '../../../server/notify/notifyConfig'
import { notifyWechat, type NotifyWechatReport } from '../../../server/notify/notifyWechat'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { cloudOpenApi } from '../../../server/platform/wechatOpenApi'
import { callerFrom } from '../../../server/platform/wxContext'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(): Promise<TimerRunResult<NotifyWechatReport>> {
  if (callerFrom(cloud.getWXContext()).openid) return failure('forbidden', 'notifyWechat runs on its timer')
  const config = loadNotifyConfig(process.env)
  if (!config.ok) {
    console.error(`[config] ${config.message}`)
    return failure('internal_error', config.message)
  }
  return guarded('notifyWechat', () => notifyWechat({ db, now: Date.now, openApi: cloudOpenApi(cloud), config: config.config }))
}
