// The parcel's route from its events, the vendor's map data and the order's destination: a pure
// function run at every merge (DESIGN §3.8). A point is either a coordinate the vendor gave for the
// place a scan names, or the gazetteer's entry for that place; a scan whose place is unknown adds
// no point, and nothing is interpolated. A vendor coordinate more than VENDOR_TRUST_KM from the
// gazetteer's point for the same named city is taken for a bad one (a shifted or mislabelled
// pair) and the gazetteer's point is used instead.
import type { UnifiedStatus } from '../tracking/statuses'
import type { TrackingEvent } from '../tracking/trackingEvent'
import { distanceKm, type LatLng } from './coordinates'
import { cityAtStartOf, cityInScan, GAZETTEER_CITIES, type GazetteerCity } from './gazetteer'
import type { ParcelRoute, RoutePoint } from './route'
import type { VendorMap } from './vendorMap'

export const VENDOR_TRUST_KM = 100
/** How near a bare vendor pair (Kdniao ReceiverCityLatAndLng) must be to a city to be named by it. */
export const NAMING_RADIUS_KM = 30

export interface RouteInput {
  events: readonly TrackingEvent[]
  status: UnifiedStatus
  vendorMap: VendorMap | null
  /** The order's destination city point (orders.destinationCity); null when unknown. */
  destination: RoutePoint | null
}

interface Located {
  /** Identity for collapsing: the gazetteer code, else the vendor's place name. */
  key: string
  point: RoutePoint
  fromVendor: boolean
}

const iso = (at: number) => new Date(at).toISOString()

function fromCity(city: GazetteerCity): RoutePoint {
  return { name: city.name, lat: city.lat, lng: city.lng }
}

/** The point for a place a vendor named, with the vendor's coordinate when it has a sound one. */
function locate(city: GazetteerCity | null, name: string, vendorPoint: LatLng | null): Located | null {
  const sound = vendorPoint && (!city || distanceKm(vendorPoint, city) <= VENDOR_TRUST_KM) ? vendorPoint : null
  if (city) return { key: city.code, point: { ...fromCity(city), ...(sound ?? {}) }, fromVendor: sound !== null }
  if (sound && name) return { key: name, point: { name, lat: sound.lat, lng: sound.lng }, fromVendor: true }
  return null
}

export function nearestCity(point: LatLng, withinKm = NAMING_RADIUS_KM): GazetteerCity | null {
  let best: { city: GazetteerCity; km: number } | null = null
  for (const city of GAZETTEER_CITIES) {
    const km = distanceKm(point, city)
    if (km <= withinKm && (!best || km < best.km)) best = { city, km }
  }
  return best?.city ?? null
}

const ascending = (a: TrackingEvent, b: TrackingEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function travelledPoints(events: readonly TrackingEvent[], map: VendorMap | null): Located[] {
  const vendorPoints = new Map((map?.places ?? []).map((place) => [place.name, { lat: place.lat, lng: place.lng }]))
  const out: Located[] = []
  for (const event of [...events].sort(ascending)) {
    const city = cityInScan(event.location, event.text)
    const located = locate(city, event.location ?? '', event.location ? (vendorPoints.get(event.location) ?? null) : null)
    if (!located) continue
    if (out[out.length - 1]?.key === located.key) continue
    out.push({ ...located, point: { ...located.point, at: iso(event.at) } })
  }
  return out
}

function plannedPoints(map: VendorMap | null, travelled: readonly Located[]): Located[] {
  if (!map) return []
  const stops = map.planned.flatMap((stop) => {
    const located = locate(cityAtStartOf(stop.name) ?? cityInScan(stop.name), stop.name, stop.point)
    return located ? [{ ...located, passed: stop.passed }] : []
  })
  // Without per-stop state (Kdniao), what lies after the last planned stop already scanned remains.
  const visited = new Set(travelled.map((located) => located.key))
  const lastVisited = stops.reduce((last, stop, index) => (visited.has(stop.key) ? index : last), -1)
  const ahead = stops.filter((stop, index) => !stop.passed && index > lastVisited && !visited.has(stop.key))
  return ahead.filter((stop, index) => ahead[index - 1]?.key !== stop.key)
}

function vendorDestination(map: VendorMap | null): Located | null {
  const destination = map?.destination
  if (!destination) return null
  const named = destination.name ? (cityAtStartOf(destination.name) ?? cityInScan(destination.name)) : null
  const city = named ?? (destination.point ? nearestCity(destination.point) : null)
  return locate(city, destination.name, destination.point)
}

export function deriveRoute(input: RouteInput): ParcelRoute | null {
  const travelled = travelledPoints(input.events, input.vendorMap)
  const delivered = input.status === 'DELIVERED'
  const remaining = delivered ? [] : plannedPoints(input.vendorMap, travelled)
  const destination: Located | null = input.destination
    ? { key: 'order', point: { name: input.destination.name, lat: input.destination.lat, lng: input.destination.lng }, fromVendor: false }
    : vendorDestination(input.vendorMap)
  const all = [...travelled, ...remaining, ...(destination ? [destination] : [])]
  if (all.length === 0) return null
  const vendorCount = all.filter((located) => located.fromVendor).length
  const source = vendorCount === all.length ? 'vendor' : vendorCount === 0 ? 'gazetteer' : 'mixed'
  return {
    travelled: travelled.map((located) => located.point),
    current: travelled[travelled.length - 1]?.point ?? null,
    remaining: remaining.map((located) => located.point),
    destination: destination?.point ?? null,
    source,
  }
}
