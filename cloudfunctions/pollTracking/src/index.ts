// pollTracking (timer, every 30 min): re-drive un-applied pushes, then query silent parcels.
import * as cloud from 'wx-server-sdk'
import { warmLaneStats } from '../../../server/eta/laneStatsCache'
import { failure, type PollRunReport, type TimerRunResult } from '../../../core/api'
import { guarded, pipelineRuntime } from '../../../server/functions/runtime'
import { realSleep } from '../../../server/platform/clock'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'
import { pollTracking } from '../../../server/useCases/pollTracking'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(): Promise<TimerRunResult<PollRunReport>> {
  if (callerFrom(cloud.getWXContext()).openid) return failure('forbidden', 'pollTracking runs on its timer')
  const pipeline = pipelineRuntime({ db, now: Date.now, sleep: realSleep, env: process.env })
  if (!pipeline.ok) return pipeline.failure
  await warmLaneStats(db, Date.now())
  return guarded('pollTracking', () => pollTracking(pipeline.runtime))
}
