// merchantConsole: the admin tab, one action per call, merchants only. Reads are bounded (server
// reads return at most 1000 documents); filters the database cannot express (free-text search,
// attention kinds) run over that bounded window.
import {
  failure, type ExceptionItem, type MerchantConsoleInput, type MerchantConsoleResult, type MerchantDoc, type OrderDoc,
} from '../../core/api'
import { normaliseTrackingNumber } from '../../core/carriers'
import { attentionKind, carrierPerformance, silenceMs } from '../../core/orders'
import { orderRepository } from '../repositories/orders'
import { parcelRepository } from '../repositories/parcels'
import { vendorClientFor } from '../aggregators/vendorClientFor'
import { loadPipelineConfig } from '../config'
import type { Sleep } from '../platform/clock'
import { displayParcels } from './shopperReads'
import { refreshTracking } from './refreshTracking'
import type { ApplyDeps } from './applyTracking'

export interface MerchantConsoleDeps extends ApplyDeps {
  env: Record<string, string | undefined>
  sleep: Sleep
}

const DAY_MS = 24 * 60 * 60 * 1000

function matches(order: OrderDoc, search: string): boolean {
  const needle = search.toLowerCase()
  return [order._id, order.address.userName, order.address.telMasked.slice(-4), ...order.items.map((item) => item.title)]
    .some((field) => field.toLowerCase().includes(needle))
}

export async function merchantConsole(deps: MerchantConsoleDeps, merchant: MerchantDoc, input: MerchantConsoleInput): Promise<MerchantConsoleResult<MerchantConsoleInput['action']>> {
  const orders = orderRepository(deps.db)
  const parcels = parcelRepository(deps.db)
  switch (input.action) {
    case 'session':
      return { ok: true, merchant: { openid: merchant._id, name: merchant.name } }
    case 'toShip': {
      const waiting = (await orders.withStatus(['PAID', 'PARTIALLY_SHIPPED'], input.before))
        .filter((order) => !input.search || matches(order, input.search))
      const shown = waiting.slice(0, input.limit)
      return { ok: true, orders: shown, nextBefore: waiting.length > input.limit ? shown[shown.length - 1].createdAt : null }
    }
    case 'exceptions': {
      const now = deps.now()
      const items: ExceptionItem[] = []
      for (const parcel of await parcels.unfinished()) {
        const kind = attentionKind(parcel, now)
        if (!kind) continue
        const newest = parcel.events[0]
        items.push({
          parcelId: parcel._id, orderId: parcel.orderId, carrier: parcel.carrier, trackingNo: parcel.trackingNo, kind,
          status: parcel.status, subStatus: parcel.subStatus, ageMs: silenceMs(parcel, now),
          lastEvent: newest ? { at: newest.at, text: newest.text, ...(newest.location ? { location: newest.location } : {}) } : null,
        })
      }
      return { ok: true, items: items.sort((a, b) => b.ageMs - a.ageMs), checkedAt: now }
    }
    case 'carrierPerformance': {
      const shipped = await parcels.shippedSince(deps.now() - input.sinceDays * DAY_MS)
      const figures = carrierPerformance(shipped.map((parcel) => ({
        carrier: parcel.carrier, province: parcel.destination.province, shippedAt: parcel.shippedAt,
        deliveredAt: parcel.deliveredAt, status: parcel.status, events: parcel.events,
      })))
      return { ok: true, sinceDays: input.sinceDays, ...figures }
    }
    case 'order': {
      const order = await orders.get(input.orderId)
      if (!order) return failure('not_found', 'no such order')
      return { ok: true, order, parcels: displayParcels(await parcels.ofOrder(order._id)) }
    }
    case 'lookupNumbers': {
      const numbers = input.trackingNos.map((raw) => normaliseTrackingNumber(raw)).flatMap((result) => (result.ok ? [result.trackingNo] : []))
      const found = numbers.length === 0 ? [] : await parcels.activeWithNumbers([...new Set(numbers)])
      return { ok: true, used: found.map((parcel) => ({ trackingNo: parcel.trackingNo, parcelId: parcel._id, orderId: parcel.orderId })) }
    }
    case 'refreshParcel': {
      const loaded = loadPipelineConfig(deps.env)
      if (!loaded.ok) return failure('internal_error', loaded.message)
      return refreshTracking({ ...deps, config: loaded.config, vendor: vendorClientFor(loaded.config) }, input.parcelId, null)
    }
  }
}
