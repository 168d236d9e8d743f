// Retention for pushInbox (issue 13): a settled row is needed only while its body may come again as a
// byte-identical re-send (vendors retry for hours, Kdniao up to 6 h, Kuaidi100 about 2 h; §1.6, §2.5)
// and for looking into a recent push. Past PUSH_INBOX_RETENTION_DAYS it is deleted, with its body
// slices, in batches. A row still `received` (waiting to be applied) is never deleted. A replay of a
// body older than that is then no longer recognised by its hash, and is harmless anyway: its parcel's
// merge finds nothing new (DESIGN §3.2).
import type { PushInboxRetentionReport } from '../../core/api'
import * as z from '../../core/validation/zod'
import type { Clock } from '../platform/clock'
import type { Database } from '../platform/database'
import { pushInboxRepository } from '../repositories/pushInbox'

const DAY_MS = 24 * 60 * 60 * 1000

export interface RetentionConfig {
  retentionDays: number
  /** Rows deleted per batch (one query and one or two deletes each). */
  batchSize: number
  /** Batches per run, so a backlog is worked off over a few runs within the function's time limit. */
  maxBatches: number
}

export const RETENTION_DEFAULTS: RetentionConfig = { retentionDays: 30, batchSize: 100, maxBatches: 50 }

const daysSchema = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3650))

/** PUSH_INBOX_RETENTION_DAYS (default 30); anything else is refused by name. */
export function retentionConfigFrom(
  env: Record<string, string | undefined>,
): { ok: true; config: RetentionConfig } | { ok: false; message: string } {
  const raw = env.PUSH_INBOX_RETENTION_DAYS?.trim()
  if (!raw) return { ok: true, config: RETENTION_DEFAULTS }
  const parsed = daysSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, message: 'configuration incomplete (invalid: PUSH_INBOX_RETENTION_DAYS)' }
  return { ok: true, config: { ...RETENTION_DEFAULTS, retentionDays: parsed.data } }
}

export async function prunePushInbox(deps: { db: Database; now: Clock }, config: RetentionConfig): Promise<PushInboxRetentionReport> {
  const inbox = pushInboxRepository(deps.db)
  const cutoff = deps.now() - config.retentionDays * DAY_MS
  let removed = 0
  for (let batch = 0; batch < config.maxBatches; batch += 1) {
    const rows = await inbox.settledBefore(cutoff, config.batchSize)
    removed += await inbox.remove(rows)
    if (rows.length < config.batchSize) return { ok: true, removed, cutoff, more: false }
  }
  return { ok: true, removed, cutoff, more: true }
}
