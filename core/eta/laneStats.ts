// Lane statistics (DESIGN §4 `laneStats`): per carrier × origin city × destination city, falling
// back to carrier × province pair, then carrier nationwide, the quantiles of pickup→delivery hours
// and of the remaining hours from each later stage, over the delivered parcels of the last 90 days.
// A level with fewer than MIN_SAMPLES for a stage is not used for that stage.
import type { CarrierCode } from '../carriers/carrierRegistry'
import { quantilesOf } from './quantiles'

export const ETA_STAGES = ['pickedUp', 'destCity', 'outForDelivery'] as const
export type EtaStage = (typeof ETA_STAGES)[number]

export const LANE_LEVELS = ['lane', 'province', 'carrier'] as const
export type LaneLevel = (typeof LANE_LEVELS)[number]

export const MIN_SAMPLES = 30
export const WINDOW_DAYS = 90
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** One delivered parcel's milestones (epoch ms) and where it went (GB/T 2260 city codes). */
export interface DeliverySample {
  carrier: CarrierCode
  originCity: string
  destinationCity: string
  pickedUpAt: number
  destCityAt: number | null
  outForDeliveryAt: number | null
  deliveredAt: number
}

export interface StageStats {
  samples: number
  /** Hours from the stage's start to delivery: 0 %, 5 %, …, 100 %. */
  quantiles: number[]
}

export interface LaneStatsDoc {
  /** `lane:SF:440300:410100`, `province:SF:440000:410000`, `carrier:SF`. */
  _id: string
  level: LaneLevel
  carrier: CarrierCode
  origin: string | null
  destination: string | null
  samples: number
  window: { from: number; to: number }
  stages: Record<EtaStage, StageStats>
  builtAt: number
}

const provinceOf = (cityCode: string) => `${cityCode.slice(0, 2)}0000`

/** The ids of the three levels for a parcel, most specific first. */
export function laneStatsIds(
  carrier: CarrierCode,
  originCity: string | null,
  destinationCity: string | null,
): { level: LaneLevel; id: string }[] {
  const ids: { level: LaneLevel; id: string }[] = []
  if (originCity && destinationCity) {
    ids.push({ level: 'lane', id: `lane:${carrier}:${originCity}:${destinationCity}` })
    ids.push({ level: 'province', id: `province:${carrier}:${provinceOf(originCity)}:${provinceOf(destinationCity)}` })
  }
  ids.push({ level: 'carrier', id: `carrier:${carrier}` })
  return ids
}

function stageHours(sample: DeliverySample, stage: EtaStage): number | null {
  const start = stage === 'pickedUp' ? sample.pickedUpAt : stage === 'destCity' ? sample.destCityAt : sample.outForDeliveryAt
  if (start === null || start > sample.deliveredAt) return null
  return (sample.deliveredAt - start) / HOUR
}

/** Every level's statistics from the samples delivered in the window ending at `now`. */
export function buildLaneStats(samples: readonly DeliverySample[], now: number, windowDays = WINDOW_DAYS): LaneStatsDoc[] {
  const from = now - windowDays * DAY
  const groups = new Map<
    string,
    { level: LaneLevel; carrier: CarrierCode; origin: string | null; destination: string | null; members: DeliverySample[] }
  >()
  for (const sample of samples) {
    if (sample.deliveredAt < from || sample.deliveredAt > now || sample.pickedUpAt > sample.deliveredAt) continue
    const keys: { level: LaneLevel; id: string; origin: string | null; destination: string | null }[] = [
      {
        level: 'lane',
        id: `lane:${sample.carrier}:${sample.originCity}:${sample.destinationCity}`,
        origin: sample.originCity,
        destination: sample.destinationCity,
      },
      {
        level: 'province',
        id: `province:${sample.carrier}:${provinceOf(sample.originCity)}:${provinceOf(sample.destinationCity)}`,
        origin: provinceOf(sample.originCity),
        destination: provinceOf(sample.destinationCity),
      },
      { level: 'carrier', id: `carrier:${sample.carrier}`, origin: null, destination: null },
    ]
    for (const key of keys) {
      const group = groups.get(key.id) ?? {
        level: key.level,
        carrier: sample.carrier,
        origin: key.origin,
        destination: key.destination,
        members: [],
      }
      group.members.push(sample)
      groups.set(key.id, group)
    }
  }
  return [...groups.entries()]
    .filter(([, group]) => group.members.length >= MIN_SAMPLES)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, group]) => {
      const stages = Object.fromEntries(
        ETA_STAGES.map((stage) => {
          const hours = group.members.map((member) => stageHours(member, stage)).filter((value): value is number => value !== null)
          return [stage, { samples: hours.length, quantiles: hours.length >= MIN_SAMPLES ? quantilesOf(hours).map(round) : [] }]
        }),
      ) as Record<EtaStage, StageStats>
      return {
        _id: id,
        level: group.level,
        carrier: group.carrier,
        origin: group.origin,
        destination: group.destination,
        samples: group.members.length,
        window: { from, to: now },
        stages,
        builtAt: now,
      }
    })
}

const round = (hours: number) => Math.round(hours * 100) / 100
