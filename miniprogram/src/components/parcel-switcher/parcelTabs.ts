// Split shipments: one tab per active parcel (包裹1, 包裹2 …, by the seq the merchant created them
// in) with which order items travel in it. A parcel replaced by a corrected number is history, not
// a tab.
import type { OrderDoc, ParcelDoc } from '@core/api'
import { statusLabel } from '@core/tracking/labels'
import { t } from '../../i18n/zh-CN'
import { STATUS_APPEARANCE, type Tone } from '../status-icon/statusAppearance'

export interface ParcelTabItem {
  productId: string
  title: string
  quantity: number
  image: string | null
}

export interface ParcelTab {
  parcelId: string
  label: string
  statusLabel: string
  tone: Tone
  items: ParcelTabItem[]
  /** 共3件商品, or a note that the merchant did not say. */
  itemsText: string
}

export function activeParcels(parcels: readonly ParcelDoc[]): ParcelDoc[] {
  return parcels.filter((parcel) => parcel.supersededBy === null).sort((a, b) => a.seq - b.seq)
}

export function parcelTabs(order: Pick<OrderDoc, 'items'>, parcels: readonly ParcelDoc[]): ParcelTab[] {
  const images = new Map(order.items.map((item) => [item.productId, item.image]))
  return activeParcels(parcels).map((parcel) => {
    const items = parcel.items.map((item) => ({
      productId: item.productId,
      title: item.title,
      quantity: item.quantity,
      image: images.get(item.productId) ?? null,
    }))
    const count = items.reduce((sum, item) => sum + item.quantity, 0)
    return {
      parcelId: parcel._id,
      label: t.tracking.parcel(parcel.seq),
      statusLabel: parcel.events.length === 0 ? t.tracking.noScansTimeline : statusLabel(parcel.status),
      tone: STATUS_APPEARANCE[parcel.status].tone,
      items,
      itemsText: count > 0 ? t.tracking.parcelItems(count) : t.tracking.itemsUnknown,
    }
  })
}
