// refreshTracking: the parcel's owner asks the vendor for news now (rate-limited per parcel).
import * as cloud from 'wx-server-sdk'
import { warmLaneStats } from '../../../server/eta/laneStatsCache'
import { failure, refreshTrackingInput } from '../../../core/api'
import { guarded, invalidInput, pipelineRuntime } from '../../../server/functions/runtime'
import { realSleep } from '../../../server/platform/clock'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'
import { refreshTracking } from '../../../server/useCases/refreshTracking'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const { openid } = callerFrom(cloud.getWXContext())
  if (!openid) return failure('not_signed_in', 'open the mini-program to refresh tracking')
  const input = refreshTrackingInput.safeParse(event)
  if (!input.success) return invalidInput(input.error)
  const pipeline = pipelineRuntime({ db, now: Date.now, sleep: realSleep, env: process.env })
  if (!pipeline.ok) return pipeline.failure
  await warmLaneStats(db, Date.now())
  return guarded('refreshTracking', () => refreshTracking(pipeline.runtime, input.data.parcelId, openid))
}
