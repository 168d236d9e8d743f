// The body of `wxa.sec.order.uploadShippingInfo` for an order's active parcels (reference/wechat.md
// §5.1, maps-eta-notify-mcp.md §5). One upload describes the whole order as it stands: WeChat keeps
// one record per payment, so an update replaces the earlier list rather than adding to it.
import type { OrderDoc, ParcelItem } from '../../core/api'
import type { CarrierCode } from '../../core/carriers'
import { shipmentCoverage } from '../../core/orders'
import { expressCompanyOf } from './expressCompanyTable'

export interface ShippingParcel {
  parcelId: string
  seq: number
  carrier: CarrierCode
  trackingNo: string
  items: ParcelItem[]
}

export const MAX_SHIPPING_LIST = 15
const MAX_ITEM_DESC = 120
/** Carriers whose upload needs a masked receiver or sender phone. */
const CONTACT_REQUIRED: ReadonlySet<CarrierCode> = new Set<CarrierCode>(['SF'])

/** RFC 3339 in Beijing time with its offset, e.g. 2025-01-02T08:00:00.000+08:00. */
export function beijingRfc3339(at: number): string {
  return `${new Date(at + 8 * 3600_000).toISOString().slice(0, 23)}+08:00`
}

const cutChars = (text: string, max: number) => [...text].slice(0, max).join('')

function itemDesc(order: OrderDoc, parcel: ShippingParcel): string {
  const items = parcel.items.length > 0 ? parcel.items : order.items
  return cutChars(items.map((item) => `${item.title}*${item.quantity}`).join('、'), MAX_ITEM_DESC)
}

export function shippingPayload(order: OrderDoc, parcels: readonly ShippingParcel[], now: number): Record<string, unknown> {
  const listed = [...parcels].sort((a, b) => a.seq - b.seq).slice(0, MAX_SHIPPING_LIST)
  const allShipped = shipmentCoverage(order.items, order.parcels) === 'full' && parcels.length <= MAX_SHIPPING_LIST
  const unified = listed.length === 1 && allShipped
  const contact = /^\d{3}\*{4}\d{4}$/.test(order.address.telMasked) ? { receiver_contact: order.address.telMasked } : undefined
  return {
    order_key: { order_number_type: 2, transaction_id: order.payment.transactionId },
    logistics_type: 1,
    delivery_mode: unified ? 1 : 2,
    ...(unified ? {} : { is_all_delivered: allShipped }),
    shipping_list: listed.map((parcel) => ({
      tracking_no: parcel.trackingNo,
      express_company: expressCompanyOf(parcel.carrier),
      item_desc: itemDesc(order, parcel),
      ...(CONTACT_REQUIRED.has(parcel.carrier) && contact ? { contact } : {}),
    })),
    upload_time: beijingRfc3339(now),
    payer: { openid: order._openid },
  }
}
