// Who carries the parcel and how to reach them: the carrier's name and number (copyable), and the
// courier or pickup station when a scan names one. The number dialled is the real one (the owner
// may read their parcel); the number shown is masked (anchors.md A.4 §8).
import type { ParcelDoc } from '@core/api'
import { carrierInfo } from '@core/carriers/carrierRegistry'
import { maskPhones } from '@core/privacy/maskPhones'
import { t } from '../../i18n/zh-CN'

export interface ContactView {
  label: string
  name: string | null
  phone: string
  phoneMasked: string
}

export interface CarrierView {
  carrierName: string
  trackingNo: string
  contact: ContactView | null
}

// Once delivered or returned, calling the courier helps nobody and the number is a stranger's.
const CONTACT_STATUSES = new Set<ParcelDoc['status']>([
  'PICKED_UP',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'AWAITING_PICKUP',
  'DELIVERY_FAILED',
  'EXCEPTION',
])

export function carrierView(parcel: Pick<ParcelDoc, 'carrier' | 'trackingNo' | 'events' | 'status'>): CarrierView {
  const withPhone = parcel.events.find((event) => event.courier?.phone)
  const courier = withPhone?.courier
  // A masked number (138****1234) cannot be dialled.
  const dialable = courier?.phone && /^[0-9-]{7,}$/.test(courier.phone) ? courier.phone : null
  return {
    carrierName: carrierInfo(parcel.carrier).names['zh-CN'],
    trackingNo: parcel.trackingNo,
    contact:
      courier && dialable && CONTACT_STATUSES.has(parcel.status)
        ? {
            label: courier.kind === 'station' ? t.tracking.callStation : t.tracking.callCourier,
            name: courier.name ?? null,
            phone: dialable,
            phoneMasked: maskPhones(dialable),
          }
        : null,
  }
}
