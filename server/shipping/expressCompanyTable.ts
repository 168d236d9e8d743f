// Our carrier code → WeChat's `express_company` (a delivery_id of get_delivery_list) for the shipping
// upload. Source: reference/wechat.md §5.2 — SF, YTO, YD, ZTO and STO are confirmed by WeChat's
// official community reply; the others are the Kdniao code, which get_delivery_list is reported to
// share, and stay `confirmed: false` until a get_delivery_list dump is vendored. Not the 微信小店
// (channels) codes, where 韵达 is YUNDA and 德邦 DBKD.
import type { CarrierCode } from '../../core/carriers'

export interface ExpressCompany {
  deliveryId: string
  confirmed: boolean
}

const confirmed = (deliveryId: string): ExpressCompany => ({ deliveryId, confirmed: true })
const assumed = (deliveryId: string): ExpressCompany => ({ deliveryId, confirmed: false })

export const EXPRESS_COMPANIES: Record<CarrierCode, ExpressCompany> = {
  SF: confirmed('SF'),
  YTO: confirmed('YTO'),
  YD: confirmed('YD'),
  ZTO: confirmed('ZTO'),
  STO: confirmed('STO'),
  JD: assumed('JD'),
  EMS: assumed('EMS'),
  YZPY: assumed('YZPY'),
  YZBK: assumed('YZBK'),
  JTSD: assumed('JTSD'),
  HTKY: assumed('HTKY'),
  DBL: assumed('DBL'),
  DBLKY: assumed('DBLKY'),
  ZJS: assumed('ZJS'),
  UC: assumed('UC'),
  FWX: assumed('FWX'),
  DNWL: assumed('DNWL'),
  ANE: assumed('ANE'),
  ANEKY: assumed('ANEKY'),
  KYSY: assumed('KYSY'),
  ZTOKY: assumed('ZTOKY'),
  YDKY: assumed('YDKY'),
  HHTT: assumed('HHTT'),
  ZYE: assumed('ZYE'),
  DHL: assumed('DHL'),
  UPS: assumed('UPS'),
  TNT: assumed('TNT'),
  FEDEX: assumed('FEDEX'),
}

export function expressCompanyOf(carrier: CarrierCode): string {
  return EXPRESS_COMPANIES[carrier].deliveryId
}
