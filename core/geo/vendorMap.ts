// The map data a vendor sent with a snapshot (Kdniao 8003/8005/102, Kuaidi100 pollmap/maptrack),
// reduced to names and already-validated points; stored on the parcel and merged like the vendor's
// ETA: the map from the snapshot with the newest events wins whole, except the coordinates the vendor
// gave for named places, which accumulate (a union by name), so a loop back to an earlier city keeps
// its point. Both merges are commutative, associative and idempotent.
import type { LatLng } from './coordinates'

export interface VendorPlace extends LatLng {
  name: string
}

export interface PlannedStop {
  name: string
  /** The vendor's coordinate for it, when it sent one. */
  point: LatLng | null
  /** Kuaidi100 predictedRoute state 已经过节点 / 当前停留节点; Kdniao PreCoordinates carry no state. */
  passed: boolean
}

export interface VendorMap {
  vendor: 'kdniao' | 'kuaidi100'
  /** Newest event time of the snapshot that carried it. */
  asOf: number | null
  /** Sender city point (Kdniao SenderCityLatAndLng) or name (Kuaidi100 routeInfo.from). */
  origin: { name: string; point: LatLng | null } | null
  /** Receiver city point (Kdniao ReceiverCityLatAndLng) or name (Kuaidi100 routeInfo.to). */
  destination: { name: string; point: LatLng | null } | null
  current: { name: string; point: LatLng | null } | null
  planned: PlannedStop[]
  /** Coordinates for places the scans name: Kdniao Coordinates[], Kuaidi100 data[].areaCenter. */
  places: VendorPlace[]
  /** Kuaidi100 isLoop. */
  loop: boolean | null
}

export const MAX_VENDOR_PLACES = 60

const key = (value: unknown) => JSON.stringify(value)

/** Union by name (a deterministic pick when two points disagree), sorted by name, capped. */
export function mergePlaces(a: readonly VendorPlace[], b: readonly VendorPlace[] = []): VendorPlace[] {
  const byName = new Map<string, VendorPlace>()
  for (const place of [...a, ...b]) {
    const existing = byName.get(place.name)
    byName.set(place.name, !existing || key(place) < key(existing) ? place : existing)
  }
  return [...byName.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)).slice(0, MAX_VENDOR_PLACES)
}

export function mergeVendorMaps(a: VendorMap | null, b: VendorMap | null): VendorMap | null {
  if (!a || !b) return a ?? b
  const asOfA = a.asOf ?? -Infinity
  const asOfB = b.asOf ?? -Infinity
  const newer = asOfA !== asOfB ? (asOfA > asOfB ? a : b) : key({ ...a, places: [] }) >= key({ ...b, places: [] }) ? a : b
  return { ...newer, places: mergePlaces(a.places, b.places) }
}
