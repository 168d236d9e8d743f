// The `parcels` collection (DESIGN §4): key `<carrier>:<trackingNo>`. Reads and the small conditional
// updates the outbox and the query budget need; whole-document writes that must agree with the order
// go through transactions in the use cases.
import type { ParcelDoc, ParcelSubscription } from '../../core/api'
import type { PollingState } from '../polling/queryBudget'
import { COLLECTIONS, type Database } from '../platform/database'

/** Server-side reads return at most 1000 documents per get (reference/wechat.md §2.1). */
export const MAX_READ = 1000

export function parcelRepository(db: Database) {
  const parcels = () => db.collection(COLLECTIONS.parcels)
  const _ = db.command
  const many = async (query: ReturnType<typeof parcels> | ReturnType<ReturnType<typeof parcels>['where']>) =>
    (await query.get()).data as unknown as ParcelDoc[]

  return {
    async get(id: string): Promise<ParcelDoc | null> {
      return (await parcels().doc(id).get()).data as ParcelDoc | null
    },

    ofOrder(orderId: string): Promise<ParcelDoc[]> {
      return many(parcels().where({ orderId }).limit(MAX_READ))
    },

    /** Parcels that still carry one of these numbers (any carrier); superseded ones freed theirs. */
    activeWithNumbers(trackingNos: string[]): Promise<ParcelDoc[]> {
      return many(
        parcels()
          .where({ trackingNo: _.in(trackingNos), supersededBy: null })
          .limit(MAX_READ),
      )
    },

    dueSubscriptions(now: number, limit: number): Promise<ParcelDoc[]> {
      return many(
        parcels()
          .where({ 'subscription.state': 'pending', 'subscription.nextAttemptAt': _.lte(now) })
          .orderBy('subscription.nextAttemptAt', 'asc')
          .limit(limit),
      )
    },

    /** Takes a due pending subscription for one attempt; false when another run took it first. The
     * lease makes it due again if the attempt's outcome is never recorded. */
    async claimSubscription(id: string, now: number, leaseUntil: number): Promise<boolean> {
      const claimed = await parcels()
        .where({ _id: id, 'subscription.state': 'pending', 'subscription.nextAttemptAt': _.lte(now) })
        .update({ data: { 'subscription.nextAttemptAt': leaseUntil } })
      return claimed.stats.updated === 1
    },

    async setSubscription(id: string, subscription: ParcelSubscription, now: number): Promise<void> {
      await parcels()
        .doc(id)
        .update({ data: { subscription: _.set(subscription), updatedAt: now } })
    },

    /** Not finished, not replaced, and nothing heard since `cutoff` (never heard: since shipment). */
    silent(cutoff: number, limit: number): Promise<ParcelDoc[]> {
      const quiet = _.or([{ lastCheckedAt: _.lte(cutoff) }, { lastCheckedAt: null, shippedAt: _.lte(cutoff) }])
      return many(
        parcels()
          .where(quiet.and({ terminal: false, supersededBy: null }))
          .orderBy('lastCheckedAt', 'asc')
          .limit(limit),
      )
    },

    /** Records a query against the per-number budget, only if nobody recorded one since `seen` was read. */
    async claimQuery(id: string, seen: PollingState, next: PollingState): Promise<boolean> {
      const claimed = await parcels()
        .where({
          _id: id,
          'polling.windowStartedAt': seen.windowStartedAt,
          'polling.queriesInWindow': seen.queriesInWindow,
          'polling.lastRefreshAt': seen.lastRefreshAt,
        })
        .update({ data: { polling: _.set(next) } })
      return claimed.stats.updated === 1
    },

    /** The merchant's exception board, as the database can select it: unfinished parcels with a status
     * that needs a human or nothing scanned since `stuckCutoff`; the quietest first, one page, and how
     * many there are in all. Two database actions at any number of parcels. */
    async needingAttention(
      statuses: readonly string[],
      stuckCutoff: number,
      limit: number,
    ): Promise<{ parcels: ParcelDoc[]; total: number }> {
      const condition = _.or([
        { status: _.in([...statuses]) },
        { lastEventAt: _.lte(stuckCutoff) },
        { lastEventAt: null, shippedAt: _.lte(stuckCutoff) },
      ]).and({ terminal: false, supersededBy: null })
      const [page, counted] = await Promise.all([
        many(parcels().where(condition).orderBy('lastEventAt', 'asc').orderBy('shippedAt', 'asc').limit(Math.min(limit, MAX_READ))),
        parcels().where(condition).count(),
      ])
      return { parcels: page, total: counted.total }
    },
  }
}

export type ParcelRepository = ReturnType<typeof parcelRepository>
