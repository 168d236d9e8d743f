// The facts a message shows, from the parcel and its order at send time. The scan shown is the newest
// one of the notified event (an out-for-delivery message sent late after an outage still says 派送中
// with that scan's time, not whatever happened since).
import type { OrderDoc, ParcelDoc } from '../../core/api'
import { pickupCode } from '../../core/assistant'
import { carrierInfo } from '../../core/carriers'
import { notifyEventOf, type MessageFacts, type NotifyEvent } from '../../core/notify'

export function messageFacts(parcel: ParcelDoc, order: OrderDoc, event: NotifyEvent, derivedAt: number): MessageFacts {
  const scan = parcel.events.find((candidate) => notifyEventOf(candidate.status) === event)
  const items = parcel.items.length > 0 ? parcel.items : order.items
  return {
    orderId: order._id,
    trackingNo: parcel.trackingNo,
    carrierName: carrierInfo(parcel.carrier).names['zh-CN'],
    status: scan?.status ?? parcel.status,
    at: scan?.at ?? derivedAt,
    note: scan?.text ?? null,
    pickupCode: scan && event === 'delivered' ? pickupCode(scan.text) : null,
    items: items.map((item) => `${item.title}×${item.quantity}`).join('、'),
    receiverPhone: order.address.telMasked,
  }
}
