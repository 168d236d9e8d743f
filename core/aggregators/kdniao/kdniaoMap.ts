// Kdniao 轨迹地图版 fields (8003 answer, 8005 subscribe, push 102; maps-eta-notify-mcp.md §1.3):
// SenderCityLatAndLng / ReceiverCityLatAndLng ("lat,lng"), Coordinates[] (the current city) and
// PreCoordinates[] (the planned route), each `{Location, LatAndLng}` or a bare string (one Java client
// models them as List<String>). They sit in each Data[] item or, in some SDKs, on the push's top
// level: the item wins, the top level is the fallback. Null when the waybill carries none of them.
import { parseCoordinatePair, type LatLng } from '../../geo/coordinates'
import { mergePlaces, type PlannedStop, type VendorMap, type VendorPlace } from '../../geo/vendorMap'

type Fields = Record<string, unknown>

const MAP_FIELDS = ['SenderCityLatAndLng', 'ReceiverCityLatAndLng', 'Coordinates', 'PreCoordinates'] as const

function named(entry: unknown): { name: string; point: LatLng | null } | null {
  if (typeof entry === 'string') {
    const point = parseCoordinatePair(entry, 'lat,lng')
    // A bare pair has no name to show; a bare name has no point (the gazetteer may know it).
    return point ? null : entry.trim() ? { name: entry.trim(), point: null } : null
  }
  if (!entry || typeof entry !== 'object') return null
  const record = entry as Fields
  const name = typeof record.Location === 'string' ? record.Location.trim() : ''
  if (!name) return null
  return { name, point: parseCoordinatePair(record.LatAndLng, 'lat,lng') }
}

const list = (value: unknown) => (Array.isArray(value) ? value.map(named).filter((entry) => entry !== null) : [])

export function kdniaoVendorMap(item: Fields, topLevel: Fields | null, asOf: number | null): VendorMap | null {
  const field = (name: (typeof MAP_FIELDS)[number]) => item[name] ?? topLevel?.[name]
  if (MAP_FIELDS.every((name) => field(name) === undefined || field(name) === null)) return null
  const current = list(field('Coordinates'))
  const planned: PlannedStop[] = list(field('PreCoordinates')).map((stop) => ({ ...stop, passed: false }))
  const places: VendorPlace[] = [...current, ...list(field('PreCoordinates'))].flatMap((entry) =>
    entry.point ? [{ name: entry.name, ...entry.point }] : [],
  )
  const sender = parseCoordinatePair(field('SenderCityLatAndLng'), 'lat,lng')
  const receiver = parseCoordinatePair(field('ReceiverCityLatAndLng'), 'lat,lng')
  return {
    vendor: 'kdniao',
    asOf,
    // Kdniao names neither end: the points stand alone and the gazetteer names them.
    origin: sender ? { name: '', point: sender } : null,
    destination: receiver ? { name: '', point: receiver } : null,
    current: current[current.length - 1] ?? null,
    planned,
    places: mergePlaces(places),
    loop: null,
  }
}
