// Inbox before ack (DESIGN §3.3), at the fewest database actions. A verified push is looked up in
// pushInbox under sha256(vendor + raw body): a byte-identical re-send that was applied is acked at
// that one read. Otherwise each waybill's parcel is read once and merged in memory. A push that
// changes no tracking and names no unknown waybill has nothing to lose and nothing to re-drive: it is
// acked without an inbox row (its bookkeeping — heard-from time, subscription — written if due). Any
// other push is recorded as `received` before the first tracking write, each changed parcel is
// written once (guarded by its version), and the row is settled; only then is it acked. A storage
// failure midway leaves the row `received`, which the vendor's retry or the poll re-drives; applying
// again is harmless because the merge is idempotent.
import { pushInboxKey } from '../../core/aggregators'
import type { PushOutcome, TrackingVendor } from '../../core/api'
import { nodeDigests } from '../platform/digests'
import { pushInboxRepository } from '../repositories/pushInbox'
import { applySnapshot, planSnapshot, syncOrderSummary, type ApplyDeps, type ParcelPlan } from './applyTracking'
import { applyKdniaoPush, applyKuaidi100Push, pushTargets, type AppliedPush, type PushTarget, type VerifiedPush } from './applyPush'

export type { VerifiedPush } from './applyPush'

export type IngestResult =
  { ok: true; inboxId: string; duplicate: boolean; outcome: PushOutcome } | { ok: false; inboxId: string; error: string }

const describe = (error: unknown) => (error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error))

const outcomeOf = (applied: AppliedPush): PushOutcome => (applied.parcelIds.length > 0 ? 'applied' : 'unknown_parcel')
const unknownNote = (unknown: number) => (unknown > 0 ? `${unknown} waybill(s) matched no parcel` : null)

type Planned = PushTarget & { plan: ParcelPlan }

/** Writes the planned changes (re-planning any that lost a race) and tallies what the push was about. */
async function commitAll(deps: ApplyDeps, planned: Planned[], unknown: number, retry: boolean): Promise<AppliedPush> {
  const applied: AppliedPush = { parcelIds: [], unknown }
  for (const { parcelId, snapshot, change, plan } of planned) {
    const result = await applySnapshot(deps, parcelId, snapshot, 'push', change, plan)
    if (!result.found) {
      applied.unknown += 1
      continue
    }
    applied.parcelIds.push(parcelId)
    // A re-sent push may have stopped last time between its parcel write and its order write.
    if (retry && !result.changed && !result.superseded) await syncOrderSummary(deps, result.parcel)
  }
  return applied
}

export async function ingestPush(deps: ApplyDeps, vendor: TrackingVendor, rawBody: string, verified: VerifiedPush): Promise<IngestResult> {
  const inbox = pushInboxRepository(deps.db)
  const inboxId = pushInboxKey(vendor, rawBody, nodeDigests)
  let row: Awaited<ReturnType<typeof inbox.get>>
  let planned: Planned[] | null = null
  let unknown = 0
  try {
    row = await inbox.get(inboxId)
    if (row && row.outcome !== 'received') return { ok: true, inboxId, duplicate: true, outcome: row.outcome }
    const targets = pushTargets(verified)
    if (targets) {
      unknown = targets.unknown
      planned = await Promise.all(
        targets.targets.map(async (target) => ({
          ...target,
          plan: await planSnapshot(deps, target.parcelId, target.snapshot, 'push', target.change),
        })),
      )
    }
  } catch (error) {
    return { ok: false, inboxId, error: `inbox: ${describe(error)}` }
  }

  const record = (outcome: PushOutcome, parcelIds: string[], lastError: string | null) =>
    inbox.put(
      {
        _id: inboxId,
        vendor,
        receivedAt: row?.receivedAt ?? deps.now(),
        outcome,
        parcelIds,
        lastError,
        attempts: (row?.attempts ?? 0) + 1,
      },
      rawBody,
    )

  if (planned && !row) {
    const known = planned.filter((item) => item.plan.kind !== 'unknown')
    const missing = unknown + planned.length - known.length
    const tracking = known.some((item) => item.plan.kind === 'change' && item.plan.trackingChanged)
    try {
      // Nothing new for known parcels: at most their bookkeeping, and no row.
      if (!tracking && missing === 0) {
        const applied = await commitAll(deps, known, 0, false)
        return { ok: true, inboxId, duplicate: false, outcome: outcomeOf(applied) }
      }
      // Only unknown waybills: nothing to apply, so the row is written once, settled.
      if (known.length === 0) {
        await record('unknown_parcel', [], unknownNote(missing))
        return { ok: true, inboxId, duplicate: false, outcome: 'unknown_parcel' }
      }
    } catch (error) {
      return { ok: false, inboxId, error: `apply: ${describe(error)}` }
    }
  }

  try {
    await record('received', row?.parcelIds ?? [], row?.lastError ?? null)
  } catch (error) {
    return { ok: false, inboxId, error: `inbox: ${describe(error)}` }
  }
  let applied: AppliedPush
  try {
    applied = planned
      ? await commitAll(deps, planned, unknown, row !== null)
      : verified.vendor === 'kdniao'
        ? await applyKdniaoPush(deps, verified.push)
        : await applyKuaidi100Push(deps, verified.push)
  } catch (error) {
    const message = `apply: ${describe(error)}`
    // Best effort: the row stays `received` either way, which is what the poll re-drives.
    await inbox.settle(inboxId, 'received', [], message).catch(() => undefined)
    return { ok: false, inboxId, error: message }
  }
  const outcome = outcomeOf(applied)
  try {
    await inbox.settle(inboxId, outcome, [...new Set(applied.parcelIds)], unknownNote(applied.unknown))
  } catch (error) {
    return { ok: false, inboxId, error: `inbox: ${describe(error)}` }
  }
  return { ok: true, inboxId, duplicate: false, outcome }
}
