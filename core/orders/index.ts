// Order-level rules, pure: order status from parcels, per-parcel summaries on the order, item
// allocation for split shipments, the masked receiver phone, parcels that need attention, and
// delivery-time statistics.
export { activeParcels, deriveOrderStatus, shipmentCoverage, type ShipmentCoverage } from './orderStatus'
export { lastEventLine, nextParcelSeq, orderWithParcels, summariseParcel, withParcelSummary } from './parcelSummary'
export { allocateItems, type AllocationCheck, type RequestedItem } from './itemAllocation'
export { maskReceiverPhone, phoneTailFromMasked, type MaskedPhone } from './receiverPhone'
export { ATTENTION_STATUSES, attentionKind, silenceMs, STUCK_AFTER_MS, type ParcelProgress } from './parcelAttention'
export {
  carrierPerformance,
  deliveryFigures,
  deliveryHours,
  everInTrouble,
  median,
  percentile,
  type ParcelForStatistics,
} from './deliveryStatistics'
export { deliveryBucket, figuresFromHistogram, parcelStatistics, type DeliveryHistogram } from './deliveryHistogram'
