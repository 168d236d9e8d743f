// Delivery statistics straight from the database: one aggregation per grouping (carrier, province)
// over the parcels shipped in the window, grouped by the `stats` each merge keeps on the parcel. The
// function receives one row per carrier or province with its histogram — never the parcels — so the
// figures are right at any number of parcels (reads return at most 1000 documents).
import type { CarrierCode } from '../../core/carriers'
import type { DeliveryHistogram } from '../../core/orders'
import { COLLECTIONS, type Database, type Doc } from '../platform/database'

/** More rows than there are carriers or provinces: the aggregation never truncates a grouping. */
const MAX_GROUPS = 1000

export interface DeliveryHistograms {
  byCarrier: Map<CarrierCode, DeliveryHistogram>
  byProvince: Map<string, DeliveryHistogram>
}

/** One grouping's rows `{ _id: key, troubled, cells: [[bucket|null, count], …] }` → histograms. */
function histogramsOf(list: Doc[]): Map<string, DeliveryHistogram> {
  const groups = new Map<string, DeliveryHistogram>()
  for (const row of list) {
    let parcels = 0
    const buckets: Array<[number, number]> = []
    for (const cell of (row.cells as unknown[][] | undefined) ?? []) {
      const [bucket, count] = cell as [unknown, unknown]
      const n = typeof count === 'number' ? count : 0
      parcels += n
      if (typeof bucket === 'number') buckets.push([bucket, n])
    }
    groups.set(String(row._id), { parcels, trouble: typeof row.troubled === 'number' ? row.troubled : 0, buckets })
  }
  return groups
}

export function parcelStatisticsRepository(db: Database) {
  const _ = db.command
  const $ = db.command.aggregate
  const grouped = async (field: string, since: number) =>
    (
      await db
        .collection(COLLECTIONS.parcels)
        .aggregate()
        .match({ shippedAt: _.gte(since), supersededBy: null })
        .group({ _id: { g: field, b: '$stats.deliveryBucket' }, n: $.sum(1), t: $.sum('$stats.troubled') })
        // Pairs, one per bucket: the answer stays a few hundred KB at 100,000 parcels (the wire is EJSON,
        // ~20 bytes a number; a result over 1 MB is refused).
        .group({ _id: '$_id.g', troubled: $.sum('$t'), cells: $.push(['$_id.b', '$n']) })
        .limit(MAX_GROUPS)
        .end()
    ).list

  return {
    /** Two database actions, whatever the number of parcels. */
    async deliveryHistograms(since: number): Promise<DeliveryHistograms> {
      const [carriers, provinces] = await Promise.all([grouped('$carrier', since), grouped('$destination.province', since)])
      return { byCarrier: histogramsOf(carriers) as Map<CarrierCode, DeliveryHistogram>, byProvince: histogramsOf(provinces) }
    },
  }
}
