// One waiting order as the 待发货 list shows it, and the list's quick filters. The server searches
// (order id, receiver, phone tail) and pages; the filters narrow the loaded page (server/README:
// toShip has no status filter), and "overdue" is the 24 h a merchant is usually held to.
import type { OrderDoc } from '@core/api/documents'
import { activeParcels } from '@core/orders/orderStatus'
import { m, textFor } from '../strings'
import { durationText } from './durationText'

export const TO_SHIP_FILTERS = ['all', 'PAID', 'PARTIALLY_SHIPPED', 'overdue'] as const
export type ToShipFilter = (typeof TO_SHIP_FILTERS)[number]

export const OVERDUE_AFTER_MS = 24 * 60 * 60 * 1000

export interface ToShipRow {
  orderId: string
  receiver: string
  phone: string
  region: string
  itemsText: string
  itemCount: number
  statusText: string
  waitingText: string
  overdue: boolean
  parcelsText: string | null
}

export function toShipRow(order: OrderDoc, now: number): ToShipRow {
  const itemCount = order.items.reduce((sum, item) => sum + item.quantity, 0)
  const first = order.items[0]
  const shipped = activeParcels(order.parcels).length
  return {
    orderId: order._id,
    receiver: order.address.userName,
    phone: order.address.telMasked,
    region: [order.address.provinceName, order.address.cityName, order.address.countyName].filter(Boolean).join(' '),
    itemsText: first ? `${first.title} ×${first.quantity}${order.items.length > 1 ? ` 等${order.items.length}种` : ''}` : '',
    itemCount,
    statusText: textFor(m.toShip.filters, order.status) ?? order.status,
    waitingText: m.toShip.waiting(durationText(now - order.payment.paidAt)),
    overdue: now - order.payment.paidAt > OVERDUE_AFTER_MS,
    parcelsText: shipped > 0 ? m.toShip.parcels(shipped) : null,
  }
}

export function filterToShip(orders: readonly OrderDoc[], filter: ToShipFilter, now: number): OrderDoc[] {
  switch (filter) {
    case 'all':
      return [...orders]
    case 'overdue':
      return orders.filter((order) => now - order.payment.paidAt > OVERDUE_AFTER_MS)
    default:
      return orders.filter((order) => order.status === filter)
  }
}
