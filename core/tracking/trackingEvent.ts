// The normalised scan every vendor format is turned into; stored newest first on the parcel doc and
// rendered by the pages as the timeline.
import * as z from '../validation/zod'
import type { CarrierCode } from '../carriers/carrierRegistry'
import type { Digests } from '../crypto/digests'
import { UNIFIED_STATUSES, type UnifiedStatus } from './statuses'
import { SUB_STATUS_CODES, type SubStatus } from './subStatuses'
import type { TimeProvenance } from './vendorTime'

export const VENDORS = ['kdniao', 'kuaidi100', 'aftership'] as const
export type Vendor = (typeof VENDORS)[number]

export interface CourierInfo {
  /** `station` for a 驿站 / locker contact, so the page can say who it is calling. */
  kind: 'courier' | 'station'
  name?: string
  /** Unmasked: only the parcel's owner can read the parcel doc (tap-to-call). */
  phone?: string
}

export interface TrackingEvent {
  /** Hash of carrier|trackingNo|at|text: the same scan from a push, a poll or another vendor is one event. */
  id: string
  /** Epoch ms (UTC instant). */
  at: number
  zone: TimeProvenance
  /** The vendor's original time text, verbatim. */
  localTime: string
  /** Display text, whitespace-collapsed, phone numbers masked (138****1234). */
  text: string
  location?: string
  status: UnifiedStatus
  subStatus?: SubStatus
  /** The vendor's per-scan code verbatim; absent when the vendor sent none and status came from the text. */
  rawCode?: string
  vendor: Vendor
  courier?: CourierInfo
}

export const unifiedStatusSchema = z.enum(UNIFIED_STATUSES as [UnifiedStatus, ...UnifiedStatus[]])
export const subStatusSchema = z.enum(SUB_STATUS_CODES as [SubStatus, ...SubStatus[]])
export const vendorSchema = z.enum(VENDORS)

export const trackingEventSchema = z.object({
  id: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  at: z.number().check(z.int()),
  zone: z.enum(['explicit', 'assumed:Asia/Shanghai']),
  localTime: z.string(),
  text: z.string(),
  location: z.optional(z.string()),
  status: unifiedStatusSchema,
  subStatus: z.optional(subStatusSchema),
  rawCode: z.optional(z.string()),
  vendor: vendorSchema,
  courier: z.optional(
    z.object({
      kind: z.enum(['courier', 'station']),
      name: z.optional(z.string()),
      phone: z.optional(z.string()),
    }),
  ),
}) satisfies z.ZodMiniType<TrackingEvent>

/** 128 bits of SHA-256: collision-free for any parcel's timeline and half the bytes of the full hex
 * in a document that must stay small (reference/wechat.md §2.5). */
export function trackingEventId(
  identity: { carrier: CarrierCode; trackingNo: string; at: number; text: string },
  digests: Digests,
): string {
  return digests.sha256Hex(`${identity.carrier}|${identity.trackingNo}|${identity.at}|${identity.text}`).slice(0, 32)
}
