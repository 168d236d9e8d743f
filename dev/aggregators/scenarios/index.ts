// The scenario registry and the default rule for numbers nobody assigned a story to.
import { failedThenDelivered } from './failedThenDelivered'
import { internationalS10 } from './internationalS10'
import { lockerPickup } from './lockerPickup'
import { normalDelivery } from './normalDelivery'
import { refusedReturned } from './refusedReturned'
import { scenarioSchema, type Scenario } from './scenario'
import { sfNormal } from './sfNormal'
import { stuck } from './stuck'
import { ytoNormal } from './ytoNormal'
import { ztoNormal } from './ztoNormal'

export type { Scenario, ScenarioEvent } from './scenario'

export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  [sfNormal, ztoNormal, ytoNormal, normalDelivery, lockerPickup, failedThenDelivered, refusedReturned, stuck, internationalS10]
    .map((scenario) => scenarioSchema.parse(scenario))
    .map((scenario) => [scenario.name, scenario]),
)

export function scenarioByName(name: string): Scenario | undefined {
  return SCENARIOS.get(name)
}

const DEFAULT_BY_CARRIER: Readonly<Record<string, string>> = {
  SF: 'sf-normal',
  ZTO: 'zto-normal',
  YTO: 'yto-normal',
}

/**
 * Default story for an unassigned number: a valid UPU S10 number plays `international-s10`;
 * otherwise by carrier (the one the request names, else the number's first recognised candidate):
 * SF → sf-normal, ZTO → zto-normal, YTO → yto-normal, anything else → normal-delivery.
 */
export function defaultScenarioName(carrier: string | undefined, isS10: boolean): string {
  if (isS10) return internationalS10.name
  return (carrier && DEFAULT_BY_CARRIER[carrier]) || normalDelivery.name
}
