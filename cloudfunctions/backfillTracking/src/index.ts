// backfillTracking: merchants record tracking numbers (callFunction, checked against `merchants`), and
// warehouse systems do the same over HTTP access (POST /warehouse/backfill, HMAC-authenticated).
// Any event shaped like an HTTP request takes the HMAC path, so a page imitating one gains nothing.
import * as cloud from 'wx-server-sdk'
import { backfillTrackingInput, failure } from '../../../core/api'
import { guarded, invalidInput, pipelineRuntime } from '../../../server/functions/runtime'
import { jsonResponse, looksLikeHttpEvent } from '../../../server/http/integrationEvent'
import { realSleep } from '../../../server/platform/clock'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { cloudOpenApi } from '../../../server/platform/wechatOpenApi'
import { callerFrom } from '../../../server/platform/wxContext'
import { findMerchant } from '../../../server/repositories/merchants'
import { backfillTracking } from '../../../server/useCases/backfillTracking'
import { warehouseBackfill } from '../../../server/useCases/warehouseBackfill'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const pipeline = pipelineRuntime({ db, now: Date.now, sleep: realSleep, env: process.env })
  if (looksLikeHttpEvent(event)) {
    if (!pipeline.ok) return jsonResponse(500, pipeline.failure)
    const deps = { ...pipeline.runtime, openApi: cloudOpenApi(cloud) }
    return guarded('backfillTracking', () => warehouseBackfill(deps, event)).then((answer) =>
      'statusCode' in answer ? answer : jsonResponse(500, answer),
    )
  }
  const { openid } = callerFrom(cloud.getWXContext())
  if (!openid) return failure('not_signed_in', 'sign in as a merchant')
  if (!pipeline.ok) return pipeline.failure
  const deps = { ...pipeline.runtime, openApi: cloudOpenApi(cloud) }
  return guarded('backfillTracking', async () => {
    if (!(await findMerchant(db, openid, deps.config.merchantOpenids)))
      return failure('not_merchant', 'only merchants can backfill tracking numbers')
    const input = backfillTrackingInput.safeParse(event)
    if (!input.success) return invalidInput(input.error)
    return backfillTracking(deps, input.data.entries)
  })
}
