// The route stored on a parcel (DESIGN §4): where it has been, where it is, what the vendor plans
// next and where it is going. GCJ-02 points; `at` is the first scan there (ISO 8601).
export interface RoutePoint {
  name: string
  lat: number
  lng: number
  at?: string
}

export type RouteSource = 'vendor' | 'gazetteer' | 'mixed'

export interface ParcelRoute {
  /** Event-time order, consecutive scans in one city collapsed; the last one is `current`. */
  travelled: RoutePoint[]
  current: RoutePoint | null
  /** The vendor's planned route not yet passed; empty without one, and once delivered. */
  remaining: RoutePoint[]
  /** The order's address city, geocoded when the order was created. */
  destination: RoutePoint | null
  source: RouteSource
}
