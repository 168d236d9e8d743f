// merchantConsole: one function for the admin tab, one action per call. Merchants only (checked
// against the `merchants` collection); everyone else gets `not_merchant` and sees nothing.
import * as z from '../validation/zod'
import type { CarrierCode } from '../carriers'
import type { SubStatus, UnifiedStatus } from '../tracking'
import type { OrderDoc, ParcelDoc } from './documents'
import { docIdSchema, pageSchema, parcelIdSchema, rawTrackingNumberSchema } from './fields'
import type { CommonFailure, Failure } from './result'
import type { RefreshTrackingResult } from './shopper'
import { wechatSyncActions, type RetryShippingSyncResult, type WechatSyncListResult } from './wechatSync'

export const merchantConsoleInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('session') }),
  z.extend(pageSchema, { action: z.literal('toShip'), search: z.optional(z.string().check(z.trim(), z.maxLength(40))) }),
  z.object({ action: z.literal('exceptions') }),
  z.object({ action: z.literal('carrierPerformance'), sinceDays: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(365)), 30) }),
  z.object({ action: z.literal('order'), orderId: docIdSchema }),
  z.object({ action: z.literal('refreshParcel'), parcelId: parcelIdSchema }),
  /** For the batch preview: which of these numbers are already on an order. */
  z.object({ action: z.literal('lookupNumbers'), trackingNos: z.array(rawTrackingNumberSchema).check(z.minLength(1), z.maxLength(500)) }),
  ...wechatSyncActions,
])
export type MerchantConsoleInput = z.infer<typeof merchantConsoleInput>

type MerchantFailure = Failure<CommonFailure | 'not_merchant' | 'not_found'>

/** Why a parcel needs a human (issue 7): no scan for 48 h, or a status that says so. */
export const EXCEPTION_KINDS = ['stuck', 'exception', 'delivery_failed', 'returning'] as const
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number]

export interface ExceptionItem {
  parcelId: string
  orderId: string
  carrier: CarrierCode
  trackingNo: string
  kind: ExceptionKind
  status: UnifiedStatus
  subStatus: SubStatus | null
  lastEvent: { at: number; text: string; location?: string } | null
  /** Since the last scan (or since shipment when there is none). */
  ageMs: number
}

export interface DeliveryFigures {
  parcels: number
  delivered: number
  medianHours: number | null
  p90Hours: number | null
  /** Share of parcels that ever reached EXCEPTION, DELIVERY_FAILED, RETURNING or RETURNED. */
  exceptionRate: number | null
}

export type MerchantConsoleResult<A extends MerchantConsoleInput['action']> =
  | (A extends 'session'
      ? { ok: true; merchant: { openid: string; name: string } }
      : A extends 'toShip'
        ? { ok: true; orders: OrderDoc[]; nextBefore: number | null }
        : A extends 'exceptions'
          ? {
              ok: true
              /** The quietest first, at most one page; `total` counts every parcel that needs attention. */
              items: ExceptionItem[]
              total: number
              checkedAt: number
            }
          : A extends 'carrierPerformance'
            ? {
                ok: true
                sinceDays: number
                byCarrier: Array<{ carrier: CarrierCode } & DeliveryFigures>
                byProvince: Array<{ province: string } & DeliveryFigures>
              }
            : A extends 'order'
              ? { ok: true; order: OrderDoc; parcels: ParcelDoc[] }
              : A extends 'lookupNumbers'
                ? { ok: true; used: Array<{ trackingNo: string; parcelId: string; orderId: string }> }
                : A extends 'wechatSync'
                  ? WechatSyncListResult
                  : A extends 'retryShippingSync'
                    ? RetryShippingSyncResult
                    : never)
  | (A extends 'refreshParcel' ? RefreshTrackingResult : never)
  | MerchantFailure
