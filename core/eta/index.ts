// Our own delivery-time estimate from lane statistics (issue 14).
export { estimateEta, currentStage, ETA_RANGE, type EtaInput } from './estimateEta'
export {
  buildLaneStats,
  laneStatsIds,
  ETA_STAGES,
  LANE_LEVELS,
  MIN_SAMPLES,
  WINDOW_DAYS,
  type LaneStatsDoc,
  type DeliverySample,
  type EtaStage,
  type LaneLevel,
  type StageStats,
} from './laneStats'
export { milestonesOf, type Milestones } from './milestones'
export type { ParcelEta, EtaBasis } from './parcelEta'
export { quantilesOf, quantileAt, cumulativeAt, conditionalQuantile } from './quantiles'
