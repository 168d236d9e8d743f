// Vendor carrier codes ↔ our codes, through the registry. Kdniao codes are compared in upper case
// (old samples send `Fedex`), Kuaidi100 codes in lower case (its codes are lowercase pinyin).
import { CARRIERS, type CarrierCode, type CarrierRecord } from './carrierRegistry'

export type CarrierLookup =
  { ok: true; carrier: CarrierCode } | { ok: false; reason: 'unknown_vendor_carrier'; vendor: 'kdniao' | 'kuaidi100'; code: string }

export type VendorCodeLookup =
  | { ok: true; code: string }
  | { ok: false; reason: 'carrier_not_supported_by_vendor'; vendor: 'kdniao' | 'kuaidi100'; carrier: CarrierCode }

const FROM_KDNIAO = new Map<string, CarrierCode>(
  CARRIERS.flatMap((carrier) => carrier.kdniao.map((code) => [code.toUpperCase(), carrier.code] as const)),
)
const FROM_KUAIDI100 = new Map<string, CarrierCode>(
  CARRIERS.flatMap((carrier) => carrier.kuaidi100.map((code) => [code.toLowerCase(), carrier.code] as const)),
)
const BY_CODE = new Map<CarrierCode, CarrierRecord>(CARRIERS.map((carrier) => [carrier.code, carrier]))

export function carrierFromKdniao(code: string): CarrierLookup {
  const carrier = FROM_KDNIAO.get(code.trim().toUpperCase())
  return carrier ? { ok: true, carrier } : { ok: false, reason: 'unknown_vendor_carrier', vendor: 'kdniao', code }
}

export function carrierFromKuaidi100(code: string): CarrierLookup {
  const carrier = FROM_KUAIDI100.get(code.trim().toLowerCase())
  return carrier ? { ok: true, carrier } : { ok: false, reason: 'unknown_vendor_carrier', vendor: 'kuaidi100', code }
}

export function kdniaoCodeFor(carrier: CarrierCode): VendorCodeLookup {
  const code = BY_CODE.get(carrier)?.kdniao[0]
  return code ? { ok: true, code } : { ok: false, reason: 'carrier_not_supported_by_vendor', vendor: 'kdniao', carrier }
}

export function kuaidi100CodeFor(carrier: CarrierCode): VendorCodeLookup {
  const code = BY_CODE.get(carrier)?.kuaidi100[0]
  return code ? { ok: true, code } : { ok: false, reason: 'carrier_not_supported_by_vendor', vendor: 'kuaidi100', carrier }
}
