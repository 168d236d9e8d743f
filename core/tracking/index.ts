// The tracking model: statuses, events, and the order-independent parcel state.
//
//   const state = mergeSnapshot(storedOrEmpty, snapshot)   // any order, any number of times
//   state.status, state.events (newest first, capped), state.lastEventAt, state.eta
export { STATUSES, UNIFIED_STATUSES, type UnifiedStatus, type StatusInfo, type Locale } from './statuses'
export { SUB_STATUSES, SUB_STATUS_CODES, type SubStatus } from './subStatuses'
export { statusLabel, subStatusLabel, isTerminal } from './labels'
export { mapKdniaoStatus, mapKuaidi100Status, mapAfterShipStatus, type StatusMapping } from './mapVendorStatus'
export { inferStatusFromText } from './inferStatusFromText'
export {
  parseVendorTime,
  formatChinaTime,
  CHINA_TIME_ZONE,
  type VendorInstant,
  type VendorTimeResult,
  type TimeProvenance,
} from './vendorTime'
export {
  trackingEventId,
  trackingEventSchema,
  unifiedStatusSchema,
  subStatusSchema,
  vendorSchema,
  VENDORS,
  type TrackingEvent,
  type CourierInfo,
  type Vendor,
} from './trackingEvent'
export { buildTrackingEvent, type TraceLine, type BuildEventResult } from './buildTrackingEvent'
export { mergeEvents, compareNewestFirst, preferredVersion, MAX_EVENTS_PER_PARCEL } from './mergeEvents'
export { mergeSignals, isSignalCurrent, STOP_REASONS, STOP_REASON_STATUS, type TrackingSignal, type StopReason } from './trackingSignal'
export { preferredEta, type EtaClaim } from './etaClaim'
export { deriveStatus, type DerivedStatus, type StatusSource } from './deriveStatus'
export { snapshotAsOf, type TrackingSnapshot } from './trackingSnapshot'
export {
  emptyTracking,
  mergeTracking,
  mergeSnapshot,
  trackingFromSnapshot,
  parcelTrackingSchema,
  trackingSignalSchema,
  etaClaimSchema,
  type ParcelTracking,
  type MergeOptions,
} from './parcelTracking'
