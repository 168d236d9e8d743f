import { fixtureParcel, SCANS_TO_DEST_CITY } from '../testing/trackingFixtures'
import { mergeRead, mergeSnapshot, parcelList } from './parcelSet'

const NOW = Date.parse('2026-03-01T02:00:00Z')
const base = fixtureParcel(NOW, { orderId: 'o1', seq: 1, scans: SCANS_TO_DEST_CITY.slice(0, 3) })
const later = { ...fixtureParcel(NOW, { orderId: 'o1', seq: 1, scans: SCANS_TO_DEST_CITY }), _id: base._id, version: base.version + 3 }
const second = fixtureParcel(NOW, { orderId: 'o1', seq: 2, trackingNo: 'SF1400000000002' })

describe('parcel set', () => {
  it.each([
    ['read then watch', (s: Map<string, typeof base>) => mergeSnapshot(mergeRead(s, [base]), [later])],
    ['watch then a late, older read', (s: Map<string, typeof base>) => mergeRead(mergeSnapshot(s, [later]), [base])],
  ])('keeps the newer version whatever the order: %s', (_case, apply) => {
    expect(parcelList(apply(new Map()))[0]?.version).toBe(later.version)
  })

  it('takes membership from a watch snapshot but not from a read', () => {
    const both = mergeRead(new Map(), [base, second])
    expect(parcelList(mergeRead(both, [base])).map((parcel) => parcel.seq)).toEqual([1, 2])
    expect(parcelList(mergeSnapshot(both, [second])).map((parcel) => parcel.seq)).toEqual([2])
  })

  it('lists parcels by seq', () => {
    expect(parcelList(mergeRead(new Map(), [second, base])).map((parcel) => parcel.seq)).toEqual([1, 2])
  })
})
