// prunePushInbox (timer, daily 03:30): deletes settled pushInbox rows past PUSH_INBOX_RETENTION_DAYS.
import * as cloud from 'wx-server-sdk'
import { failure, type PushInboxRetentionReport, type TimerRunResult } from '../../../core/api'
import { guarded } from '../../../server/functions/runtime'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'
import { prunePushInbox, retentionConfigFrom } from '../../../server/useCases/prunePushInbox'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(): Promise<TimerRunResult<PushInboxRetentionReport>> {
  if (callerFrom(cloud.getWXContext()).openid) return failure('forbidden', 'prunePushInbox runs on its timer')
  const loaded = retentionConfigFrom(process.env)
  if (!loaded.ok) {
    console.error(`[config] ${loaded.message}`)
    return failure('internal_error', loaded.message)
  }
  return guarded('prunePushInbox', () => prunePushInbox({ db, now: Date.now }, loaded.config))
}
