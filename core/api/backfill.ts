// backfillTracking: the merchant (or a warehouse system over HTTP) records tracking numbers at
// shipment. One result per entry, in input order; a failed entry writes nothing and never affects
// the others, so the envelope accepts any entries and each is validated on its own.
import * as z from '../validation/zod'
import type { CarrierCode } from '../carriers'
import type { SubscriptionState } from './documents'
import { carrierCodeSchema, docIdSchema, parcelIdSchema, parcelItemSchema, phoneTailSchema, rawTrackingNumberSchema } from './fields'
import type { CommonFailure, Failure } from './result'

/** A batch of up to 500 (issue: "one entry or a batch of up to 500"). */
export const MAX_BACKFILL_ENTRIES = 500

export const backfillTrackingInput = z.object({
  entries: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BACKFILL_ENTRIES)),
})

export const backfillEntrySchema = z.object({
  orderId: docIdSchema,
  trackingNo: rawTrackingNumberSchema,
  /** When given it is used as is: the merchant's choice is never overridden by detection. */
  carrier: z.optional(carrierCodeSchema),
  phoneTail: z.optional(phoneTailSchema),
  /** Which order items go in this parcel; omitted = not said (the parcel covers what is not yet allocated). */
  items: z.optional(z.array(parcelItemSchema).check(z.maxLength(50))),
  /** Correct a mistake: this parcel supersedes the given one of the same order. */
  replaces: z.optional(parcelIdSchema),
})
export type BackfillEntry = z.infer<typeof backfillEntrySchema>

export const BACKFILL_ENTRY_FAILURES = [
  'invalid_entry',
  'order_not_found',
  'invalid_tracking_number',
  'ambiguous_carrier',
  'unrecognised_carrier',
  'phone_tail_required',
  'number_on_other_order',
  'replaced_parcel_not_found',
  'storage_failed',
  /** An item that is not in the order, or more of it than the order has left to ship. */
  'invalid_items',
] as const
export type BackfillEntryFailure = (typeof BACKFILL_ENTRY_FAILURES)[number]

export type BackfillEntryResult =
  | {
      ok: true
      parcelId: string
      carrier: CarrierCode
      trackingNo: string
      /** `unchanged`: the same entry was submitted before — nothing new was written. */
      outcome: 'created' | 'unchanged' | 'replaced'
      subscription: SubscriptionState
    }
  | (Failure<BackfillEntryFailure> & { candidates?: CarrierCode[]; otherOrderId?: string })

export type BackfillTrackingResult = { ok: true; results: BackfillEntryResult[] } | Failure<CommonFailure | 'not_merchant' | 'unauthorised'>
