// One order in "my orders": its state, a chip per parcel (包裹1 已签收 · 包裹2 运输中), and the
// newest logistics line across its parcels, all from the order document's parcel summaries (the
// list never reads parcels).
import type { OrderDoc } from '@core/api'
import { statusLabel } from '@core/tracking/labels'
import { relativeTime } from '../../format/time'
import { t } from '../../i18n/zh-CN'
import { STATUS_APPEARANCE, type Tone } from '../status-icon/statusAppearance'

export interface StatusChipView {
  key: string
  label: string
  tone: Tone
}

export interface OrderCardView {
  statusText: string
  chips: StatusChipView[]
  latest: { text: string; when: string } | null
  itemsCount: string
}

export function orderCardView(order: Pick<OrderDoc, 'status' | 'parcels' | 'items'>, now: number, zone: string): OrderCardView {
  const active = order.parcels.filter((parcel) => !parcel.superseded).sort((a, b) => a.seq - b.seq)
  const several = active.length > 1
  const chips = active.map((parcel) => {
    const status = parcel.lastEvent ? statusLabel(parcel.status) : t.tracking.noScansTimeline
    return {
      key: parcel.parcelId,
      label: several ? `${t.tracking.parcel(parcel.seq)} ${status}` : status,
      tone: STATUS_APPEARANCE[parcel.status].tone,
    }
  })
  const newest = active
    .map((parcel) => parcel.lastEvent)
    .filter((event): event is NonNullable<typeof event> => event !== null)
    .sort((a, b) => b.at - a.at)[0]
  return {
    statusText: t.orders.orderStatus[order.status] ?? order.status,
    chips,
    latest: newest
      ? { text: newest.text, when: relativeTime(newest.at, now, zone) }
      : order.status === 'PAID'
        ? { text: t.orders.waitingShipment, when: '' }
        : null,
    itemsCount: t.orders.itemsCount(order.items.reduce((sum, item) => sum + item.quantity, 0)),
  }
}
