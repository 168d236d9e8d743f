// subscribeTracking (timer, every minute): drains due pending subscriptions with backoff, bounded per
// run and paced under the vendor's rate limit.
import * as cloud from 'wx-server-sdk'
import { failure, type SubscribeRunReport, type TimerRunResult } from '../../../core/api'
import { guarded, pipelineRuntime } from '../../../server/functions/runtime'
import { realSleep } from '../../../server/platform/clock'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'
import { subscribeDue } from '../../../server/useCases/subscribeTracking'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(): Promise<TimerRunResult<SubscribeRunReport>> {
  if (callerFrom(cloud.getWXContext()).openid) return failure('forbidden', 'subscribeTracking runs on its timer')
  const pipeline = pipelineRuntime({ db, now: Date.now, sleep: realSleep, env: process.env })
  if (!pipeline.ok) return pipeline.failure
  return guarded('subscribeTracking', () => subscribeDue(pipeline.runtime))
}
