// A parcel's stage milestones read from its events: when it was picked up, when it first reached
// the destination city (the vendor's 到达派件城市 code, or a scan the gazetteer places there), when it
// went out for delivery, and when it was delivered. The same reading makes the training samples and
// conditions the live ETA, so the two cannot drift apart.
import { cityInScan } from '../geo/gazetteer'
import type { TrackingEvent } from '../tracking/trackingEvent'

export interface Milestones {
  pickedUpAt: number | null
  destCityAt: number | null
  outForDeliveryAt: number | null
  deliveredAt: number | null
}

const BEFORE_PICKUP = new Set(['PENDING', 'INFO_RECEIVED'])

export function milestonesOf(events: readonly TrackingEvent[], destinationCity: string | null): Milestones {
  const ascending = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
  const first = (test: (event: TrackingEvent) => boolean) => ascending.find(test)?.at ?? null
  const pickedUpAt = first((event) => !BEFORE_PICKUP.has(event.status))
  const inDestination = (event: TrackingEvent) =>
    event.subStatus === 'ARRIVED_DEST_CITY' ||
    (destinationCity !== null && cityInScan(event.location, event.text)?.code === destinationCity)
  const destCityAt = first((event) => pickedUpAt !== null && event.at >= pickedUpAt && inDestination(event))
  const outForDeliveryAt = first((event) => event.status === 'OUT_FOR_DELIVERY')
  const deliveredAt = first((event) => event.status === 'DELIVERED')
  return { pickedUpAt, destCityAt, outForDeliveryAt, deliveredAt }
}
