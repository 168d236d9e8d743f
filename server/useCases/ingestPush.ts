// Inbox before ack (DESIGN §3.3): a verified push is recorded in pushInbox under sha256(vendor + raw
// body), applied, marked, and only then acknowledged. A byte-identical re-send that was fully applied
// is acknowledged without applying it again; one that was not (a storage failure midway) is applied
// again, which is harmless because applying is idempotent.
import type { KdniaoPush } from '../../core/aggregators/kdniao'
import type { Kuaidi100Push } from '../../core/aggregators/kuaidi100'
import { pushInboxKey } from '../../core/aggregators'
import type { PushOutcome, TrackingVendor } from '../../core/api'
import { pushInboxRepository } from '../repositories/pushInbox'
import type { ApplyDeps } from './applyTracking'
import { applyKdniaoPush, applyKuaidi100Push, type AppliedPush } from './applyPush'
import { nodeDigests } from '../platform/digests'

export type VerifiedPush =
  | { vendor: 'kdniao'; push: KdniaoPush }
  | { vendor: 'kuaidi100'; push: Kuaidi100Push }

export type IngestResult =
  | { ok: true; inboxId: string; duplicate: boolean; outcome: PushOutcome }
  | { ok: false; inboxId: string; error: string }

const describe = (error: unknown) => (error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error))

function applyVerified(deps: ApplyDeps, verified: VerifiedPush): Promise<AppliedPush> {
  return verified.vendor === 'kdniao' ? applyKdniaoPush(deps, verified.push) : applyKuaidi100Push(deps, verified.push)
}

export async function ingestPush(deps: ApplyDeps, vendor: TrackingVendor, rawBody: string, verified: VerifiedPush): Promise<IngestResult> {
  const inbox = pushInboxRepository(deps.db)
  const inboxId = pushInboxKey(vendor, rawBody, nodeDigests)
  try {
    const row = await inbox.get(inboxId)
    if (row && row.outcome !== 'received') return { ok: true, inboxId, duplicate: true, outcome: row.outcome }
    await inbox.put({
      _id: inboxId, vendor, receivedAt: row?.receivedAt ?? deps.now(), outcome: 'received',
      parcelIds: row?.parcelIds ?? [], lastError: row?.lastError ?? null, attempts: (row?.attempts ?? 0) + 1,
    }, rawBody)
  } catch (error) {
    return { ok: false, inboxId, error: `inbox: ${describe(error)}` }
  }
  let applied: AppliedPush
  try {
    applied = await applyVerified(deps, verified)
  } catch (error) {
    const message = `apply: ${describe(error)}`
    // Best effort: the row stays `received` either way, which is what the poll re-drives.
    await inbox.settle(inboxId, 'received', [], message).catch(() => undefined)
    return { ok: false, inboxId, error: message }
  }
  const outcome: PushOutcome = applied.parcelIds.length > 0 ? 'applied' : 'unknown_parcel'
  try {
    await inbox.settle(inboxId, outcome, [...new Set(applied.parcelIds)], applied.unknown > 0 ? `${applied.unknown} waybill(s) matched no parcel` : null)
  } catch (error) {
    return { ok: false, inboxId, error: `inbox: ${describe(error)}` }
  }
  return { ok: true, inboxId, duplicate: false, outcome }
}
