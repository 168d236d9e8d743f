// notificationConsent: templates to ask for, and the shopper's subscribe-dialog answers as credits.
import * as cloud from 'wx-server-sdk'
import { failure } from '../../../core/api'
import { notificationConsentInput } from '../../../core/notify'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { loadNotifyConfig } from '../../../server/notify/notifyConfig'
import { notificationConsent } from '../../../server/notify/notificationConsent'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const { openid } = callerFrom(cloud.getWXContext())
  if (!openid) return failure('not_signed_in', 'open the mini-program to choose notifications')
  const input = notificationConsentInput.safeParse(event)
  if (!input.success) return invalidInput(input.error)
  const config = loadNotifyConfig(process.env)
  if (!config.ok) {
    console.error(`[config] ${config.message}`)
    return failure('internal_error', 'notifications are not configured')
  }
  return guarded('notificationConsent', () => notificationConsent({ db, now: Date.now, config: config.config }, openid, input.data))
}
