// pollTracking (timer, every 30 min): the fallback when pushes go silent (DESIGN §1). First it
// re-drives pushInbox rows a storage failure left un-applied, then it queries parcels that are not
// finished, not replaced and silent for `pollSilentAfterMs` — bounded per run, paced at the vendor's
// rate, each within its per-number budget, each answer through the push merge path.
import type { PollRunReport } from '../../core/api'
import type { PipelineConfig } from '../config'
import { paceMs } from '../outbox/subscriptionSchedule'
import type { Sleep } from '../platform/clock'
import { parcelRepository } from '../repositories/parcels'
import { pushInboxRepository } from '../repositories/pushInbox'
import { ingestPush } from './ingestPush'
import { queryParcel, type QueryDeps } from './queryParcel'
import { readPush } from './receivePush'
import { RUN_BUDGET_MS } from './subscribeTracking'

export interface PollDeps extends QueryDeps {
  config: PipelineConfig
  sleep: Sleep
}

/** A push younger than this may still be in flight in its own invocation. */
export const REDRIVE_AFTER_MS = 5 * 60 * 1000

async function redriveInbox(deps: PollDeps): Promise<number> {
  const inbox = pushInboxRepository(deps.db)
  const rows = await inbox.unapplied(deps.now() - REDRIVE_AFTER_MS, deps.config.limits.pollBatch)
  let redriven = 0
  for (const row of rows) {
    const rawBody = await inbox.bodyOf(row)
    const read = rawBody === null ? null : readPush(row.vendor, rawBody, deps.config)
    if (rawBody === null || !read || !read.ok || !read.verified) {
      // Verified when it arrived; unreadable now (keys rotated, vendor unconfigured): keep it, stop retrying.
      const why =
        rawBody === null
          ? 're-drive: body slice missing'
          : read && !read.ok
            ? `re-drive: ${read.reason}`
            : 're-drive: vendor not configured'
      await inbox.settle(row._id, 'failed', row.parcelIds, why)
      continue
    }
    const ingested = await ingestPush(deps, row.vendor, rawBody, read.verified)
    if (ingested.ok) redriven += 1
  }
  return redriven
}

export async function pollTracking(deps: PollDeps): Promise<PollRunReport> {
  const report: PollRunReport = { ok: true, redriven: await redriveInbox(deps), polled: 0, changed: 0, skippedForBudget: 0, failed: 0 }
  const { limits } = deps.config
  const startedAt = deps.now()
  const silent = await parcelRepository(deps.db).silent(startedAt - limits.pollSilentAfterMs, limits.pollBatch)
  for (const parcel of silent) {
    if (deps.now() - startedAt > RUN_BUDGET_MS) break
    if (report.polled > 0) await deps.sleep(paceMs(limits.vendorQps))
    const result = await queryParcel(deps, parcel, 'poll')
    if (result.ok) {
      report.polled += 1
      if (result.changed) report.changed += 1
    } else if (result.reason === 'budget') report.skippedForBudget += 1
    else report.failed += 1
  }
  return report
}
