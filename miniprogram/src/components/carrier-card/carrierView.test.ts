import {
  DELIVERED_SCAN,
  FIXTURE_COURIER_PHONE,
  fixtureParcel,
  OUT_FOR_DELIVERY_SCAN,
  SCANS_TO_DEST_CITY,
  type ScanSpec,
} from '../../testing/trackingFixtures'
import { carrierView } from './carrierView'

const NOW = Date.parse('2026-03-01T02:00:00Z')

describe('carrierView', () => {
  it('names the carrier and offers the courier from the newest scan that has one, masked for display', () => {
    const view = carrierView(
      fixtureParcel(NOW, { orderId: 'o1', trackingNo: 'SF1400000000001', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN] }),
    )
    expect(view).toEqual({
      carrierName: '顺丰速运',
      trackingNo: 'SF1400000000001',
      contact: { label: '联系快递员', name: '张师傅', phone: FIXTURE_COURIER_PHONE, phoneMasked: '138****8000' },
    })
  })

  it('calls a pickup station a station', () => {
    const locker: ScanSpec = {
      minutesAgo: 5,
      text: '已放入【菜鸟驿站徐汇店】，联系电话 021-64000000',
      status: 'AWAITING_PICKUP',
      subStatus: 'LOCKER',
      courier: { kind: 'station', name: '菜鸟驿站徐汇店', phone: '021-64000000' },
    }
    const view = carrierView(fixtureParcel(NOW, { orderId: 'o1', scans: [...SCANS_TO_DEST_CITY, locker] }))
    expect(view.contact).toEqual({ label: '联系驿站', name: '菜鸟驿站徐汇店', phone: '021-64000000', phoneMasked: '021-****0000' })
  })

  it.each([
    ['no scan carries a phone', SCANS_TO_DEST_CITY],
    ['the parcel is delivered', [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN, DELIVERED_SCAN]],
    [
      'the carrier printed only a masked number',
      [...SCANS_TO_DEST_CITY, { ...OUT_FOR_DELIVERY_SCAN, courier: { kind: 'courier' as const, phone: '138****8000' } }],
    ],
  ])('offers no call when %s', (_case, scans) => {
    expect(carrierView(fixtureParcel(NOW, { orderId: 'o1', scans })).contact).toBeNull()
  })
})
