// Delivery time per carrier and per destination province for the merchant console: median, p90,
// count and exception rate. Delivery time runs from shipment (the backfill, or the first scan if the
// carrier scanned earlier) to the delivered scan; only delivered parcels have one.
import type { DeliveryFigures } from '../api/merchant'
import type { CarrierCode } from '../carriers'
import type { UnifiedStatus } from '../tracking'

export interface ParcelForStatistics {
  carrier: CarrierCode
  province: string
  shippedAt: number
  deliveredAt: number | null
  status: UnifiedStatus
  events: ReadonlyArray<{ at: number; status: UnifiedStatus }>
}

const TROUBLE: ReadonlySet<UnifiedStatus> = new Set(['EXCEPTION', 'DELIVERY_FAILED', 'RETURNING', 'RETURNED'])
const HOUR_MS = 60 * 60 * 1000

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number | null {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] ?? null
}

export function median(sorted: readonly number[]): number | null {
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle]
  if (upper === undefined) return null
  const lower = sorted[middle - 1]
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2
}

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

export function deliveryHours(parcel: ParcelForStatistics): number | null {
  if (parcel.status !== 'DELIVERED' || parcel.deliveredAt === null) return null
  const start = parcel.events.reduce((earliest, event) => Math.min(earliest, event.at), parcel.shippedAt)
  return Math.max(0, parcel.deliveredAt - start) / HOUR_MS
}

export function everInTrouble(parcel: ParcelForStatistics): boolean {
  return TROUBLE.has(parcel.status) || parcel.events.some((event) => TROUBLE.has(event.status))
}

export function deliveryFigures(parcels: readonly ParcelForStatistics[]): DeliveryFigures {
  const hours = parcels
    .map(deliveryHours)
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b)
  return {
    parcels: parcels.length,
    delivered: hours.length,
    medianHours: oneDecimal(median(hours)),
    p90Hours: oneDecimal(percentile(hours, 90)),
    exceptionRate: parcels.length === 0 ? null : Math.round((parcels.filter(everInTrouble).length / parcels.length) * 1000) / 1000,
  }
}

function groupBy<K>(parcels: readonly ParcelForStatistics[], key: (parcel: ParcelForStatistics) => K): Map<K, ParcelForStatistics[]> {
  const groups = new Map<K, ParcelForStatistics[]>()
  for (const parcel of parcels) groups.set(key(parcel), [...(groups.get(key(parcel)) ?? []), parcel])
  return groups
}

/** Groups with the most parcels first. */
export function carrierPerformance(parcels: readonly ParcelForStatistics[]): {
  byCarrier: Array<{ carrier: CarrierCode } & DeliveryFigures>
  byProvince: Array<{ province: string } & DeliveryFigures>
} {
  const bySize = (a: DeliveryFigures, b: DeliveryFigures) => b.parcels - a.parcels
  return {
    byCarrier: [...groupBy(parcels, (parcel) => parcel.carrier)]
      .map(([carrier, group]) => ({ carrier, ...deliveryFigures(group) }))
      .sort(bySize),
    byProvince: [...groupBy(parcels, (parcel) => parcel.province)]
      .map(([province, group]) => ({ province, ...deliveryFigures(group) }))
      .sort(bySize),
  }
}
