// The merge path's derivations (route, ETA, notification markers) on fixed parcels: the fold runs
// them in order, and the shipped list is idempotent (pushes are re-applied, DESIGN §3.8).
import type { ParcelDoc } from '../../core/api'
import {
  DELIVERED_SCAN,
  FAILED_DELIVERY_SCAN,
  fixtureParcel,
  OUT_FOR_DELIVERY_SCAN,
  SCANS_TO_DEST_CITY,
} from '../../miniprogram/src/testing/trackingFixtures'
import { nth } from '../../test/support/nth'
import { deriveParcelView, PARCEL_DERIVATIONS, type DerivationContext, type ParcelDerivation } from './parcelDerivations'

const NOW = Date.parse('2026-03-01T02:00:00Z')

const parcels: Array<[string, ParcelDoc]> = [
  ['no scans yet', fixtureParcel(NOW, { orderId: 'o1', scans: [] })],
  ['in transit', fixtureParcel(NOW, { orderId: 'o2', scans: SCANS_TO_DEST_CITY })],
  ['out for delivery', fixtureParcel(NOW, { orderId: 'o3', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN] })],
  ['delivered', fixtureParcel(NOW, { orderId: 'o4', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN, DELIVERED_SCAN] })],
  ['failed delivery', fixtureParcel(NOW, { orderId: 'o5', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN, FAILED_DELIVERY_SCAN] })],
]

describe('deriveParcelView', () => {
  it("applies the derivations in list order, each seeing the previous one's output", () => {
    const [, parcel] = nth(parcels, 1)
    const context: DerivationContext = { before: parcel, now: NOW, source: 'push' }
    const tag =
      (label: string): ParcelDerivation =>
      (next) => ({ ...next, trackingNo: `${next.trackingNo}${label}` })
    expect(deriveParcelView(parcel, context, [tag('a'), tag('b'), tag('c')]).trackingNo).toBe(`${parcel.trackingNo}abc`)
    expect(deriveParcelView(parcel, context, [])).toBe(parcel)
  })

  it.each(parcels.flatMap(([name, parcel]) => (['push', 'poll', 'refresh'] as const).map((source) => [name, source, parcel] as const)))(
    'is idempotent on a parcel %s (source %s)',
    (_name, source, parcel) => {
      const context: DerivationContext = { before: parcel, now: NOW, source }
      const once = deriveParcelView(parcel, context, PARCEL_DERIVATIONS)
      expect(deriveParcelView(once, { ...context, before: once }, PARCEL_DERIVATIONS)).toEqual(once)
    },
  )
})
