// Vendor coordinate text → a GCJ-02 point, or null. Kdniao `LatAndLng` is "lat,lng"; Kuaidi100
// `areaCenter` is "lng,lat" (maps-eta-notify-mcp.md §2.2): the caller says which. A pair that is empty,
// not two numbers, 0,0 or outside China (which is what a swapped pair usually is) gives null: the
// point is dropped, never repaired by swapping.

export interface LatLng {
  lat: number
  lng: number
}

export type PairOrder = 'lat,lng' | 'lng,lat'

// China's bounding box (Zengmu Ansha 3.8°N … Mohe 53.6°N, Pamirs 73.5°E … Fuyuan 135.1°E).
const CHINA = { south: 3.8, north: 53.6, west: 73.5, east: 135.1 }

export function insideChina(point: LatLng): boolean {
  return point.lat >= CHINA.south && point.lat <= CHINA.north && point.lng >= CHINA.west && point.lng <= CHINA.east
}

const NUMBER = /^[-+]?\d+(\.\d+)?$/

export function parseCoordinatePair(text: unknown, order: PairOrder): LatLng | null {
  if (typeof text !== 'string') return null
  const parts = text.split(/[,，\s]+/).filter(Boolean)
  if (parts.length !== 2) return null
  const [first = '', second = ''] = parts
  if (!NUMBER.test(first) || !NUMBER.test(second)) return null
  const a = Number(first)
  const b = Number(second)
  const point = order === 'lat,lng' ? { lat: a, lng: b } : { lat: b, lng: a }
  return insideChina(point) ? point : null
}

/** Great-circle distance in km. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)))
}
