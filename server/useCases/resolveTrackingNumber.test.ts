import type { MaskedAddress } from '../../core/api'
import { resolveTrackingNumber } from './resolveTrackingNumber'

const address: MaskedAddress = {
  userName: '张三',
  telMasked: '138****5678',
  provinceName: '广东省',
  cityName: '深圳市',
  countyName: '南山区',
  detailInfo: '1 号',
  postalCode: null,
}

describe('resolving a backfilled number', () => {
  it.each<[string, Parameters<typeof resolveTrackingNumber>[0], MaskedAddress, unknown]>([
    [
      'a detected carrier, normalised number',
      { trackingNo: ' yt 1234-5678-90123 ' },
      address,
      { ok: true, carrier: 'YTO', trackingNo: 'YT1234567890123', phoneTail: null },
    ],
    [
      'SF takes the order phone tail by default',
      { trackingNo: 'SF1400000000001' },
      address,
      { ok: true, carrier: 'SF', trackingNo: 'SF1400000000001', phoneTail: '5678' },
    ],
    [
      'a given tail wins over the order’s',
      { trackingNo: 'SF1400000000001', phoneTail: '1111' },
      address,
      { ok: true, carrier: 'SF', trackingNo: 'SF1400000000001', phoneTail: '1111' },
    ],
    [
      'SF without any tail',
      { trackingNo: 'SF1400000000001' },
      { ...address, telMasked: '****' },
      { ok: false, reason: 'phone_tail_required', message: "顺丰速运 needs the last 4 digits of the sender's or receiver's phone" },
    ],
    [
      'a given carrier is never overridden',
      { trackingNo: 'YT1234567890123', carrier: 'ZTO' },
      address,
      { ok: true, carrier: 'ZTO', trackingNo: 'YT1234567890123', phoneTail: '5678' },
    ],
    [
      'an ambiguous number lists the candidates',
      { trackingNo: '123456789012' },
      address,
      {
        ok: false,
        reason: 'ambiguous_carrier',
        message: '123456789012 could be SF / ANE: choose the carrier',
        candidates: ['SF', 'ANE'],
      },
    ],
    [
      'an ambiguous number with a carrier given',
      { trackingNo: '123456789012', carrier: 'ANE' },
      address,
      { ok: true, carrier: 'ANE', trackingNo: '123456789012', phoneTail: null },
    ],
    [
      'an unrecognised shape',
      { trackingNo: '3100000000000' },
      address,
      { ok: false, reason: 'unrecognised_carrier', message: 'no carrier recognises 3100000000000: choose the carrier' },
    ],
    [
      'a bad S10 check digit',
      { trackingNo: 'RR123456784CN' },
      address,
      { ok: false, reason: 'invalid_tracking_number', message: 'RR123456784CN fails its UPU S10 check digit' },
    ],
    [
      'not a number at all',
      { trackingNo: '快递!' },
      address,
      { ok: false, reason: 'invalid_tracking_number', message: 'not a tracking number (bad_characters)' },
    ],
  ])('%s', (_case, entry, addr, expected) => {
    expect(resolveTrackingNumber(entry, addr)).toEqual(expected)
  })
})
