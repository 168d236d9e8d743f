// What a scenario says a parcel must end up as, computed from the scenario file alone (its events,
// minutes and stages), never from the code under test: the expected timeline and final status.
import { SCENARIOS } from '../../../dev/aggregators'
import type { TrackingEvent, UnifiedStatus } from '../../../core/tracking'

/** The unified status each sandbox stage must come out as (DESIGN §4 vocabulary, read off the stage names). */
export const STAGE_STATUS: Record<string, UnifiedStatus> = {
  'picked-up': 'PICKED_UP',
  departed: 'IN_TRANSIT',
  'at-hub': 'IN_TRANSIT',
  'in-transit': 'IN_TRANSIT',
  'arrived-dest-city': 'IN_TRANSIT',
  'at-dest-station': 'IN_TRANSIT',
  'out-for-delivery': 'OUT_FOR_DELIVERY',
  locker: 'AWAITING_PICKUP',
  delivered: 'DELIVERED',
  'delivered-locker': 'DELIVERED',
  'delivered-proxy': 'DELIVERED',
  'delivered-after-exception': 'DELIVERED',
  failed: 'DELIVERY_FAILED',
  redelivery: 'DELIVERY_FAILED',
  refused: 'RETURNING',
  returning: 'RETURNING',
  returned: 'RETURNED',
  'customs-pending': 'IN_TRANSIT',
  'customs-in-progress': 'IN_TRANSIT',
  'customs-cleared': 'IN_TRANSIT',
  'customs-hold': 'EXCEPTION',
}

export interface ExpectedEvent {
  at: number
  text: string
  status: UnifiedStatus
}

/** Events of `scenario` that happened by `until`, newest first, for a story that started at `startedAt`. */
export function expectedTimeline(scenarioName: string, startedAt: number, until = Infinity): ExpectedEvent[] {
  const scenario = SCENARIOS.get(scenarioName)
  if (!scenario) throw new Error(`no scenario ${scenarioName}`)
  return scenario.events
    .map((event) => ({ at: startedAt + event.atMinute * 60_000, text: event.text, status: statusOfStage(event.stage) }))
    .filter((event) => event.at <= until)
    .sort((a, b) => b.at - a.at)
}

function statusOfStage(stage: string): UnifiedStatus {
  const status = STAGE_STATUS[stage]
  if (!status) throw new Error(`no status for scenario stage ${stage}`)
  return status
}

export function timelineOf(events: readonly TrackingEvent[]): ExpectedEvent[] {
  return events.map((event) => ({ at: event.at, text: event.text, status: event.status }))
}

export function scenarioEnd(scenarioName: string): number {
  const scenario = SCENARIOS.get(scenarioName)
  if (!scenario) throw new Error(`no scenario ${scenarioName}`)
  return Math.max(...scenario.events.map((event) => event.atMinute)) * 60_000
}
