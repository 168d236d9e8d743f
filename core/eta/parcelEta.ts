// Our delivery estimate as stored on the parcel (DESIGN §4). ISO 8601 instants; an 80 % range
// (`confidence` 0.8) from lane statistics, or the vendor's single estimate when no level has enough
// history (`basis: 'vendor'`, confidence 0: the vendor states none).
export type EtaBasis = 'lane' | 'province' | 'carrier' | 'vendor'

export interface ParcelEta {
  earliest: string
  latest: string
  likely: string
  confidence: number
  basis: EtaBasis
  samples: number
}
