// AfterShip tag / subtag → unified (aggregators.md §3.4 meanings, §5 mapping). Not wired to a
// vendor adapter yet; kept so a third aggregator is a parser away. A subtag row wins over its tag row.
import type { StatusMappingRow } from './types'

export const AFTERSHIP_TAG_TABLE: readonly StatusMappingRow[] = [
  { code: 'Pending', meaning: 'Pending', status: 'PENDING' },
  { code: 'InfoReceived', meaning: 'Info received', status: 'INFO_RECEIVED' },
  { code: 'InTransit', meaning: 'In transit', status: 'IN_TRANSIT' },
  { code: 'OutForDelivery', meaning: 'Out for delivery', status: 'OUT_FOR_DELIVERY' },
  { code: 'AvailableForPickup', meaning: 'Available for pickup', status: 'AWAITING_PICKUP' },
  { code: 'AttemptFail', meaning: 'Failed attempt', status: 'DELIVERY_FAILED' },
  { code: 'Delivered', meaning: 'Delivered', status: 'DELIVERED' },
  { code: 'Exception', meaning: 'Exception', status: 'EXCEPTION' },
  { code: 'Expired', meaning: 'Expired', status: 'EXPIRED' },
]

export const AFTERSHIP_SUBTAG_TABLE: readonly StatusMappingRow[] = [
  { code: 'InTransit_002', meaning: 'Acceptance scan', status: 'PICKED_UP' },
  { code: 'InTransit_003', meaning: 'Arrival scan', status: 'IN_TRANSIT', subStatus: 'AT_HUB' },
  { code: 'InTransit_004', meaning: 'Arrived at destination country', status: 'IN_TRANSIT', subStatus: 'ARRIVED_DEST_CITY' },
  { code: 'InTransit_005', meaning: 'Customs clearance completed', status: 'IN_TRANSIT', subStatus: 'CUSTOMS_CLEARED' },
  { code: 'InTransit_006', meaning: 'Customs clearance started', status: 'IN_TRANSIT', subStatus: 'CUSTOMS_IN_PROGRESS' },
  { code: 'InTransit_007', meaning: 'Departure scan', status: 'IN_TRANSIT', subStatus: 'DEPARTED' },
  { code: 'InTransit_009', meaning: 'Forwarded to a different address', status: 'IN_TRANSIT', subStatus: 'FORWARDED' },
  { code: 'AttemptFail_002', meaning: 'Addressee not available', status: 'DELIVERY_FAILED', subStatus: 'UNREACHABLE' },
  { code: 'Delivered_002', meaning: 'Picked up by the customer', status: 'DELIVERED', subStatus: 'SIGNED_SELF' },
  { code: 'Delivered_003', meaning: 'Signed by customer', status: 'DELIVERED', subStatus: 'SIGNED_SELF' },
  { code: 'Delivered_005', meaning: 'Delivered to neighbour', status: 'DELIVERED', subStatus: 'SIGNED_PROXY' },
  { code: 'Exception_003', meaning: 'Customer refused delivery', status: 'EXCEPTION', subStatus: 'REFUSED' },
  { code: 'Exception_004', meaning: 'Delayed (customs clearance)', status: 'EXCEPTION', subStatus: 'CUSTOMS_HOLD' },
  { code: 'Exception_005', meaning: 'Delayed (external factors)', status: 'EXCEPTION', subStatus: 'DELAYED' },
  { code: 'Exception_007', meaning: 'Incorrect address', status: 'EXCEPTION', subStatus: 'ADDRESS_PROBLEM' },
  { code: 'Exception_008', meaning: 'Pick up missed', status: 'EXCEPTION', subStatus: 'LOCKER_TIMEOUT' },
  { code: 'Exception_010', meaning: 'Returning to sender', status: 'RETURNING' },
  { code: 'Exception_011', meaning: 'Returned to sender', status: 'RETURNED' },
  { code: 'Exception_012', meaning: 'Shipment damaged', status: 'EXCEPTION', subStatus: 'DAMAGED' },
  { code: 'Exception_013', meaning: 'Shipment lost', status: 'EXCEPTION', subStatus: 'LOST' },
  { code: 'Exception_016', meaning: 'Delayed (processing)', status: 'EXCEPTION', subStatus: 'DELAYED' },
  { code: 'Exception_017', meaning: 'Delayed (extreme weather)', status: 'EXCEPTION', subStatus: 'DELAYED' },
]
