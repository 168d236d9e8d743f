// Kuaidi100 map variants (pollmap push, maptrack.do; maps-eta-notify-mcp.md §2.2): per trace
// `areaCenter` "lng,lat" (note the order) with the trace's areaName/location; `routeInfo{from,cur,to}`
// names with codes, no coordinates; `predictedRoute[]` names and a state per node; `isLoop`.
// `arrivalTime` is read by kuaidi100Snapshot as the vendor's ETA. Null when none of them is present.
import { parseCoordinatePair } from '../../geo/coordinates'
import { mergePlaces, type PlannedStop, type VendorMap, type VendorPlace } from '../../geo/vendorMap'

type Fields = Record<string, unknown>

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

function routeName(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  return text((node as Fields).name)
}

/** predictedRoute names a hub (武汉转运中心) and its city; the city is what the gazetteer resolves. */
function stopName(node: Fields): string {
  return text(node.city) || text(node.name) || text(node.province)
}

export function kuaidi100VendorMap(result: Fields, asOf: number | null): VendorMap | null {
  const traces = Array.isArray(result.data) ? (result.data as Fields[]) : []
  const places: VendorPlace[] = traces.flatMap((trace) => {
    const name = text(trace.areaName) || text(trace.location)
    const point = parseCoordinatePair(trace.areaCenter, 'lng,lat')
    return name && point ? [{ name, ...point }] : []
  })
  const routeInfo = result.routeInfo && typeof result.routeInfo === 'object' ? (result.routeInfo as Fields) : null
  const predicted = Array.isArray(result.predictedRoute) ? (result.predictedRoute as unknown[]) : []
  const hasAreaCenter = traces.some((trace) => trace.areaCenter !== undefined)
  if (!routeInfo && predicted.length === 0 && !hasAreaCenter && result.isLoop === undefined) return null
  const planned: PlannedStop[] = predicted.flatMap((node) => {
    if (!node || typeof node !== 'object') return []
    const name = stopName(node as Fields)
    const state = text((node as Fields).state)
    return name ? [{ name, point: null, passed: state.includes('已经过') || state.includes('当前') }] : []
  })
  const from = routeName(routeInfo?.from)
  const cur = routeName(routeInfo?.cur)
  const to = routeName(routeInfo?.to)
  return {
    vendor: 'kuaidi100',
    asOf,
    origin: from ? { name: from, point: null } : null,
    destination: to ? { name: to, point: null } : null,
    current: cur ? { name: cur, point: null } : null,
    planned,
    places: mergePlaces(places),
    loop: typeof result.isLoop === 'boolean' ? result.isLoop : null,
  }
}
