// Field schemas shared by every function input. Ids are a strict alphabet so that a query operator
// smuggled in as a value (`{"$ne": null}` as an order id) is refused at the edge, before any query.
import * as z from '../validation/zod'
import { CARRIER_CODES, type CarrierCode } from '../carriers'

/** A document id as our functions create them (CloudBase auto ids are 32 hex; seeds use readable ids). */
export const docIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a document id'))

/** `<carrier>:<trackingNo>` — the parcels collection key (DESIGN §4). */
export const parcelIdSchema = z.string().check(z.regex(/^[A-Z0-9]{1,12}:[A-Z0-9]{4,40}$/, 'must be a parcel id like SF:SF1234567890123'))

export const carrierCodeSchema = z.enum(CARRIER_CODES as unknown as [CarrierCode, ...CarrierCode[]])

/** What a merchant typed, pasted or scanned; normalised server-side by core/carriers. */
export const rawTrackingNumberSchema = z.string().check(z.minLength(1), z.maxLength(64))

export const phoneTailSchema = z.string().check(z.regex(/^\d{4}$/, 'must be the last 4 digits of a phone number'))

/** Newest-first paging by creation time: pass the last `createdAt` you have to get the next page. */
export const pageSchema = z.object({
  before: z.optional(z.int().check(z.positive())),
  limit: z._default(z.int().check(z.minimum(1), z.maximum(20)), 10),
})

export const parcelItemSchema = z.object({ productId: docIdSchema, quantity: z.int().check(z.minimum(1), z.maximum(999)) })

/** Parcel ids are built from normalised parts only, so the id alone identifies the parcel. */
export function parcelIdOf(carrier: CarrierCode, trackingNo: string): string {
  return `${carrier}:${trackingNo}`
}
