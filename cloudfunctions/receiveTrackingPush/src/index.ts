// receiveTrackingPush (HTTP access /tracking/push/kdniao, /tracking/push/kuaidi100): verify, record
// in pushInbox, apply, then answer with the vendor's exact ack.
import * as cloud from 'wx-server-sdk'
import { warmLaneStats } from '../../../server/eta/laneStatsCache'
import { pipelineRuntime } from '../../../server/functions/runtime'
import { jsonResponse } from '../../../server/http/integrationEvent'
import { realSleep } from '../../../server/platform/clock'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { receivePush } from '../../../server/useCases/receivePush'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const pipeline = pipelineRuntime({ db, now: Date.now, sleep: realSleep, env: process.env })
  // 503 without a vendor ack body: the vendor retries, and nothing was read or written.
  if (!pipeline.ok) return jsonResponse(503, { error: 'push receiver not configured' })
  await warmLaneStats(db, Date.now())
  return receivePush(pipeline.runtime, event)
}
