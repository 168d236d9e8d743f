// The ETA of an in-transit parcel at merge time: the stage it is in (out for delivery, in the
// destination city, picked up), the time spent there up to its newest scan, and the first lane
// level with enough history for that stage give the 10 %, 50 % and 90 % conditional quantiles of
// the remaining time. Pure: the clock is the parcel's own newest event, so re-applying a push gives
// the same estimate.
import type { UnifiedStatus } from '../tracking/statuses'
import type { EtaClaim } from '../tracking/etaClaim'
import type { TrackingEvent } from '../tracking/trackingEvent'
import type { CarrierCode } from '../carriers/carrierRegistry'
import { laneStatsIds, MIN_SAMPLES, type EtaStage, type LaneStatsDoc } from './laneStats'
import { milestonesOf } from './milestones'
import type { ParcelEta } from './parcelEta'
import { conditionalQuantile } from './quantiles'

export const ETA_RANGE = { low: 0.1, likely: 0.5, high: 0.9 } as const
const HOUR = 3_600_000

const NO_ESTIMATE: ReadonlySet<UnifiedStatus> = new Set([
  'PENDING',
  'INFO_RECEIVED',
  'DELIVERED',
  'RETURNING',
  'RETURNED',
  'CANCELLED',
  'EXPIRED',
  'EXCEPTION',
])

export interface EtaInput {
  carrier: CarrierCode
  status: UnifiedStatus
  events: readonly TrackingEvent[]
  /** GB/T 2260 city codes; null when unknown (then only the carrier level applies). */
  originCity: string | null
  destinationCity: string | null
  vendorEta: EtaClaim | null
  laneStats: (id: string) => LaneStatsDoc | undefined
}

const iso = (at: number) => new Date(at).toISOString()

export function currentStage(input: Pick<EtaInput, 'events' | 'destinationCity'>): { stage: EtaStage; startedAt: number } | null {
  const milestones = milestonesOf(input.events, input.destinationCity)
  if (milestones.outForDeliveryAt !== null) return { stage: 'outForDelivery', startedAt: milestones.outForDeliveryAt }
  if (milestones.destCityAt !== null) return { stage: 'destCity', startedAt: milestones.destCityAt }
  if (milestones.pickedUpAt !== null) return { stage: 'pickedUp', startedAt: milestones.pickedUpAt }
  return null
}

function vendorEstimate(claim: EtaClaim | null): ParcelEta | null {
  if (!claim) return null
  const at = iso(claim.at)
  return { earliest: at, latest: at, likely: at, confidence: 0, basis: 'vendor', samples: 0 }
}

export function estimateEta(input: EtaInput): ParcelEta | null {
  if (NO_ESTIMATE.has(input.status)) return null
  const stage = currentStage(input)
  if (!stage) return vendorEstimate(input.vendorEta)
  const newest = input.events.reduce((max, event) => Math.max(max, event.at), stage.startedAt)
  const elapsedHours = (newest - stage.startedAt) / HOUR
  for (const { level, id } of laneStatsIds(input.carrier, input.originCity, input.destinationCity)) {
    const stats = input.laneStats(id)?.stages[stage.stage]
    if (!stats || stats.samples < MIN_SAMPLES || stats.quantiles.length === 0) continue
    const at = (p: number) => stage.startedAt + conditionalQuantile(stats.quantiles, p, elapsedHours) * HOUR
    return {
      earliest: iso(at(ETA_RANGE.low)),
      latest: iso(at(ETA_RANGE.high)),
      likely: iso(at(ETA_RANGE.likely)),
      confidence: ETA_RANGE.high - ETA_RANGE.low,
      basis: level,
      samples: stats.samples,
    }
  }
  return vendorEstimate(input.vendorEta)
}
