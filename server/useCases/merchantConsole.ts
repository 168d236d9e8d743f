// merchantConsole: the admin tab, one action per call, merchants only. Every view is a fixed number
// of database actions at any number of orders and parcels: lists are pages the database selects
// (search included), statistics come out of an aggregation, the exception board is one page plus a
// count.
import {
  failure,
  type DeliveryFigures,
  type ExceptionItem,
  type MerchantConsoleInput,
  type MerchantConsoleResult,
  type MerchantDoc,
} from '../../core/api'
import { normaliseTrackingNumber } from '../../core/carriers'
import { ATTENTION_STATUSES, attentionKind, figuresFromHistogram, silenceMs, STUCK_AFTER_MS } from '../../core/orders'
import { orderRepository } from '../repositories/orders'
import { parcelRepository } from '../repositories/parcels'
import { parcelStatisticsRepository } from '../repositories/parcelStatistics'
import { vendorClientFor } from '../aggregators/vendorClientFor'
import { loadPipelineConfig } from '../config'
import type { Sleep } from '../platform/clock'
import type { WechatOpenApi } from '../platform/wechatOpenApi'
import { merchantWechatSync } from '../shipping/merchantWechatSync'
import { displayParcels } from './shopperReads'
import { refreshTracking } from './refreshTracking'
import type { ApplyDeps } from './applyTracking'

export interface MerchantConsoleDeps extends ApplyDeps {
  env: Record<string, string | undefined>
  sleep: Sleep
  /** 云调用 for the WeChat shipping sync's 重试. */
  openApi: WechatOpenApi
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The exception board shows the quietest this many; `total` says how many need attention in all. */
export const EXCEPTIONS_PAGE = 200

export async function merchantConsole(
  deps: MerchantConsoleDeps,
  merchant: MerchantDoc,
  input: MerchantConsoleInput,
): Promise<MerchantConsoleResult<MerchantConsoleInput['action']>> {
  const orders = orderRepository(deps.db)
  const parcels = parcelRepository(deps.db)
  const statistics = parcelStatisticsRepository(deps.db)
  switch (input.action) {
    case 'session':
      return { ok: true, merchant: { openid: merchant._id, name: merchant.name } }
    case 'toShip': {
      const waiting = await orders.withStatus(['PAID', 'PARTIALLY_SHIPPED'], {
        before: input.before,
        limit: input.limit,
        search: input.search,
      })
      const shown = waiting.slice(0, input.limit)
      return { ok: true, orders: shown, nextBefore: waiting.length > input.limit ? (shown.at(-1)?.createdAt ?? null) : null }
    }
    case 'exceptions': {
      const now = deps.now()
      const { parcels: candidates, total } = await parcels.needingAttention(ATTENTION_STATUSES, now - STUCK_AFTER_MS, EXCEPTIONS_PAGE)
      const items: ExceptionItem[] = []
      for (const parcel of candidates) {
        const kind = attentionKind(parcel, now)
        if (!kind) continue
        const newest = parcel.events[0]
        items.push({
          parcelId: parcel._id,
          orderId: parcel.orderId,
          carrier: parcel.carrier,
          trackingNo: parcel.trackingNo,
          kind,
          status: parcel.status,
          subStatus: parcel.subStatus,
          ageMs: silenceMs(parcel, now),
          lastEvent: newest ? { at: newest.at, text: newest.text, ...(newest.location ? { location: newest.location } : {}) } : null,
        })
      }
      return { ok: true, items: items.sort((a, b) => b.ageMs - a.ageMs), total, checkedAt: now }
    }
    case 'carrierPerformance': {
      const { byCarrier, byProvince } = await statistics.deliveryHistograms(deps.now() - input.sinceDays * DAY_MS)
      const bySize = (a: DeliveryFigures, b: DeliveryFigures) => b.parcels - a.parcels
      return {
        ok: true,
        sinceDays: input.sinceDays,
        byCarrier: [...byCarrier].map(([carrier, histogram]) => ({ carrier, ...figuresFromHistogram(histogram) })).sort(bySize),
        byProvince: [...byProvince].map(([province, histogram]) => ({ province, ...figuresFromHistogram(histogram) })).sort(bySize),
      }
    }
    case 'order': {
      const order = await orders.get(input.orderId)
      if (!order) return failure('not_found', 'no such order')
      return { ok: true, order, parcels: displayParcels(await parcels.ofOrder(order._id)) }
    }
    case 'lookupNumbers': {
      const numbers = input.trackingNos
        .map((raw) => normaliseTrackingNumber(raw))
        .flatMap((result) => (result.ok ? [result.trackingNo] : []))
      const found = numbers.length === 0 ? [] : await parcels.activeWithNumbers([...new Set(numbers)])
      return { ok: true, used: found.map((parcel) => ({ trackingNo: parcel.trackingNo, parcelId: parcel._id, orderId: parcel.orderId })) }
    }
    case 'refreshParcel': {
      const loaded = loadPipelineConfig(deps.env)
      if (!loaded.ok) return failure('internal_error', loaded.message)
      return refreshTracking({ ...deps, config: loaded.config, vendor: vendorClientFor(loaded.config) }, input.parcelId, null)
    }
    case 'wechatSync':
    case 'retryShippingSync':
      return merchantWechatSync(deps, input)
  }
}
