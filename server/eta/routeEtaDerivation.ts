// The route and our ETA, derived at every merge (server/useCases/parcelDerivations.ts) from the
// merged parcel alone: its events, the vendor's map, its destination city and the lane statistics
// this instance holds (laneStatsCache). No database action.
import type { ParcelDoc } from '../../core/api'
import { estimateEta } from '../../core/eta'
import { cityNamed, cityOfAddress } from '../../core/geo'
import { deriveRoute } from '../../core/geo/deriveRoute'
import { laneStatsById } from './laneStatsCache'

export function withRouteAndEta(next: ParcelDoc): ParcelDoc {
  const city = next.destination ? cityOfAddress({ provinceName: next.destination.province, cityName: next.destination.city }) : null
  const destination = city ? { name: city.name, lat: city.lat, lng: city.lng } : null
  const route = deriveRoute({ events: next.events, status: next.status, vendorMap: next.vendorMap ?? null, destination })
  const origin = route?.travelled[0] ? cityNamed(route.travelled[0].name) : null
  const eta = estimateEta({
    carrier: next.carrier,
    status: next.status,
    events: next.events,
    originCity: origin?.code ?? null,
    destinationCity: city?.code ?? null,
    vendorEta: next.vendorEta ?? null,
    laneStats: laneStatsById,
  })
  return { ...next, route, eta }
}
