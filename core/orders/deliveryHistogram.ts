// Delivery figures from a histogram instead of from every parcel, so the merchant console's
// statistics come out of one database aggregation (per carrier or province: parcels, ever-in-trouble
// count, and delivered parcels counted per delivery-time bucket) at any number of parcels.
// Buckets are whole hours: the answer is then at most a few hundred numbers per carrier or province
// whatever the number of parcels (0.1 h buckets made it ~0.8 MB at 100,000 parcels, near the 1 MB
// result cap, each number ~20 bytes of EJSON), and the figures are exact to the hour. Each parcel's bucket is computed when its tracking is merged
// (`parcelStatistics`, stored on the parcel as `stats`), so the aggregation only groups and counts.
import type { ParcelStats } from '../api/documents'
import type { DeliveryFigures } from '../api/merchant'
import { deliveryHours, everInTrouble, type ParcelForStatistics } from './deliveryStatistics'

export function deliveryBucket(hours: number): number {
  return Math.round(hours)
}

export function parcelStatistics(parcel: ParcelForStatistics): ParcelStats {
  const hours = deliveryHours(parcel)
  return { deliveryBucket: hours === null ? null : deliveryBucket(hours), troubled: everInTrouble(parcel) ? 1 : 0 }
}

export interface DeliveryHistogram {
  parcels: number
  /** Parcels that were ever in EXCEPTION, DELIVERY_FAILED, RETURNING or RETURNED. */
  trouble: number
  /** [bucket hours, delivered parcels in it]; any order, a bucket may repeat. */
  buckets: ReadonlyArray<readonly [number, number]>
}

/** The value at 1-based rank `rank` of the sorted histogram. */
function valueAtRank(sorted: ReadonlyArray<readonly [number, number]>, rank: number): number | null {
  let seen = 0
  for (const [value, count] of sorted) {
    seen += count
    if (seen >= rank) return value
  }
  return null
}

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

/** The same figures as `deliveryFigures` (nearest-rank p90, median averaging the middle two),
 * taken over bucket values. */
export function figuresFromHistogram(histogram: DeliveryHistogram): DeliveryFigures {
  const sorted = histogram.buckets
    .filter(([, count]) => count > 0)
    .slice()
    .sort((a, b) => a[0] - b[0])
  const delivered = sorted.reduce((sum, [, count]) => sum + count, 0)
  const middle = Math.floor(delivered / 2)
  const median =
    delivered === 0
      ? null
      : delivered % 2 === 1
        ? valueAtRank(sorted, middle + 1)
        : ((valueAtRank(sorted, middle) ?? 0) + (valueAtRank(sorted, middle + 1) ?? 0)) / 2
  return {
    parcels: histogram.parcels,
    delivered,
    medianHours: oneDecimal(median),
    p90Hours: delivered === 0 ? null : oneDecimal(valueAtRank(sorted, Math.max(1, Math.ceil(0.9 * delivered)))),
    exceptionRate: histogram.parcels === 0 ? null : Math.round((histogram.trouble / histogram.parcels) * 1000) / 1000,
  }
}
