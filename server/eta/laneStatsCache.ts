// The lane statistics the merge path reads, held per function instance: the laneStats collection is
// small (a few hundred documents) and rebuilt once a day, so an instance reads it at most once per
// TTL instead of once per push (issue 13's budget of database actions per push). Between reads the
// ETA derivation sees a fixed table, so re-applying a push gives the same estimate.
import type { LaneStatsDoc } from '../../core/eta'
import { COLLECTIONS, type Database } from '../platform/database'

export const LANE_STATS_TTL_MS = 10 * 60_000
const MAX_READ = 1000

let table: { loadedAt: number; byId: Map<string, LaneStatsDoc> } | null = null

/** Reads the collection when the held copy is missing or older than the TTL; a failed read keeps
 * the old copy (an estimate from yesterday's statistics beats none). */
export async function warmLaneStats(db: Database, now: number): Promise<void> {
  if (table && now - table.loadedAt < LANE_STATS_TTL_MS) return
  try {
    // One page: lanes with ≥ 30 deliveries in 90 days plus their fallbacks stay far below 1000 for
    // a shop's volume; the most specific levels missing from a truncated page fall back to coarser ones.
    const docs = (await db.collection(COLLECTIONS.laneStats).limit(MAX_READ).get()).data as unknown as LaneStatsDoc[]
    table = { loadedAt: now, byId: new Map(docs.map((doc) => [doc._id, doc])) }
  } catch {
    if (table) table = { ...table, loadedAt: now }
  }
}

export function laneStatsById(id: string): LaneStatsDoc | undefined {
  return table?.byId.get(id)
}

/** Tests: forget what this instance holds. */
export function resetLaneStatsCache(): void {
  table = null
}
