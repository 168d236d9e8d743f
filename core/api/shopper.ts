// Shopper-facing functions: listProducts, createOrder, listMyOrders, getOrderTracking, refreshTracking.
import * as z from '../validation/zod'
import type { OrderDoc, ParcelDoc, ProductDoc } from './documents'
import { docIdSchema, pageSchema, parcelIdSchema } from './fields'
import type { CommonFailure, Failure } from './result'

export const listProductsInput = z.object({})
export type ListProductsResult = { ok: true; products: ProductDoc[] } | Failure<CommonFailure>

/** The object `wx.chooseAddress` returns (DESIGN §5); extra fields it carries (errMsg, nationalCode) are dropped. */
export const addressInput = z.object({
  userName: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  telNumber: z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number')),
  provinceName: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  cityName: z.string().check(z.trim(), z.minLength(1), z.maxLength(30)),
  countyName: z.string().check(z.trim(), z.maxLength(30)),
  detailInfo: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  postalCode: z.union([z.optional(z.string().check(z.trim(), z.regex(/^\d{6}$/))), z.literal('')]),
})
export type AddressInput = z.infer<typeof addressInput>

export const createOrderInput = z.object({
  items: z.array(z.object({ productId: docIdSchema, quantity: z.number().check(z.int(), z.minimum(1), z.maximum(99)) })).check(
    z.minLength(1),
    z.maxLength(20),
    z.refine((items) => new Set(items.map((item) => item.productId)).size === items.length, 'each product at most once'),
  ),
  address: addressInput,
})
export type CreateOrderInput = z.infer<typeof createOrderInput>
export const CREATE_ORDER_FAILURES = ['product_not_found', 'out_of_stock', 'payment_failed'] as const
export type CreateOrderResult =
  { ok: true; orderId: string; totalFen: number } | Failure<CommonFailure | (typeof CREATE_ORDER_FAILURES)[number]>

export const listMyOrdersInput = pageSchema
export type ListMyOrdersResult = { ok: true; orders: OrderDoc[]; nextBefore: number | null } | Failure<CommonFailure>

export const getOrderTrackingInput = z.object({ orderId: docIdSchema })
/** Parcels: active ones by `seq`, then superseded ones. Another shopper's order is `not_found`,
 * indistinguishable from a missing one. */
export type GetOrderTrackingResult = { ok: true; order: OrderDoc; parcels: ParcelDoc[] } | Failure<CommonFailure | 'not_found'>

export const refreshTrackingInput = z.object({ parcelId: parcelIdSchema })
export const REFRESH_FAILURES = ['not_found', 'rate_limited', 'vendor_unavailable'] as const
export type RefreshTrackingResult =
  | { ok: true; parcel: ParcelDoc; queried: boolean }
  | (Failure<CommonFailure | (typeof REFRESH_FAILURES)[number]> & { retryAfterMs?: number })
