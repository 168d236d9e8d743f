export {
  CARRIERS,
  CARRIER_CODES,
  carrierInfo,
  isCarrierCode,
  type CarrierCode,
  type CarrierRecord,
  type PhoneTailRule,
} from './carrierRegistry'
export { normaliseTrackingNumber, TRACKING_NUMBER_LENGTH, type NormaliseResult } from './normaliseTrackingNumber'
export { detectCarrier, carrierCandidates, type CarrierCandidate, type DetectionResult } from './detectCarrier'
export { checkTrackingNumber, type ShipmentNumberInput, type TrackingNumberCheck, type TrackingNumberWarning } from './checkTrackingNumber'
export { NUMBER_PATTERNS, type Confidence, type NumberPattern } from './numberPatterns'
export { parseS10, s10CheckDigit, type S10Result } from './upuS10'
export {
  carrierFromKdniao,
  carrierFromKuaidi100,
  kdniaoCodeFor,
  kuaidi100CodeFor,
  type CarrierLookup,
  type VendorCodeLookup,
} from './vendorCarrierCodes'
