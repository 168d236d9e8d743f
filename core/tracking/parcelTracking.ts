// A parcel's tracking state: a join-semilattice of facts (events, signals, the vendor's ETA and map) plus the status
// derived from them. mergeTracking is commutative, associative and idempotent, and mergeSnapshot is
// mergeTracking with the snapshot lifted into a state, so folding pushes and polls in any order, any
// number of times, yields the same parcel (test/property/parcelTracking.property.test.ts).
// Absent values are null rather than missing so that writing the state over a stored document
// clears stale fields (a database update ignores undefined).
import { mergeVendorMaps, type VendorMap } from '../geo/vendorMap'
import { vendorMapSchema } from '../geo/vendorMapSchema'
import * as z from '../validation/zod'
import { deriveStatus, type StatusSource } from './deriveStatus'
import { preferredEta, type EtaClaim } from './etaClaim'
import { MAX_EVENTS_PER_PARCEL, mergeEvents } from './mergeEvents'
import type { UnifiedStatus } from './statuses'
import type { SubStatus } from './subStatuses'
import { subStatusSchema, trackingEventSchema, unifiedStatusSchema, vendorSchema, type TrackingEvent } from './trackingEvent'
import { mergeSignals, STOP_REASONS, type TrackingSignal } from './trackingSignal'
import type { TrackingSnapshot } from './trackingSnapshot'

export interface ParcelTracking {
  /** Newest first, at most `maxEvents` (default MAX_EVENTS_PER_PARCEL). */
  events: TrackingEvent[]
  signals: TrackingSignal[]
  /** The vendor's own estimate; the parcel doc's `eta` is ours (core/eta), derived at merge. */
  vendorEta: EtaClaim | null
  /** The vendor's map variant data (Kdniao 8005/102, Kuaidi100 pollmap), input of the route. */
  vendorMap: VendorMap | null
  status: UnifiedStatus
  subStatus: SubStatus | null
  terminal: boolean
  lastEventAt: number | null
  statusSource: StatusSource | null
}

export interface MergeOptions {
  /** Cap on stored events; every merge of one parcel must use the same cap. */
  maxEvents?: number
}

function withDerivedStatus(
  events: TrackingEvent[],
  signals: TrackingSignal[],
  vendorEta: EtaClaim | null,
  vendorMap: VendorMap | null,
): ParcelTracking {
  return { events, signals, vendorEta, vendorMap, ...deriveStatus(events, signals) }
}

export function emptyTracking(): ParcelTracking {
  return withDerivedStatus([], [], null, null)
}

export function mergeTracking(a: ParcelTracking, b: ParcelTracking, options: MergeOptions = {}): ParcelTracking {
  return withDerivedStatus(
    mergeEvents(a.events, b.events, options.maxEvents ?? MAX_EVENTS_PER_PARCEL),
    mergeSignals(a.signals, b.signals),
    preferredEta(a.vendorEta, b.vendorEta),
    mergeVendorMaps(a.vendorMap, b.vendorMap),
  )
}

export function trackingFromSnapshot(snapshot: TrackingSnapshot, options: MergeOptions = {}): ParcelTracking {
  return mergeTracking(
    emptyTracking(),
    { ...emptyTracking(), events: snapshot.events, signals: snapshot.signals, vendorEta: snapshot.eta, vendorMap: snapshot.map ?? null },
    options,
  )
}

export function mergeSnapshot(state: ParcelTracking, snapshot: TrackingSnapshot, options: MergeOptions = {}): ParcelTracking {
  return mergeTracking(state, trackingFromSnapshot(snapshot, options), options)
}

const timeProvenanceSchema = z.enum(['explicit', 'assumed:Asia/Shanghai'])
const asOfSchema = z.nullable(z.number().check(z.int()))

export const trackingSignalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('vendor_state'),
    vendor: vendorSchema,
    asOf: asOfSchema,
    status: unifiedStatusSchema,
    subStatus: z.optional(subStatusSchema),
    rawCode: z.string(),
  }),
  z.object({
    kind: z.literal('tracking_stopped'),
    vendor: vendorSchema,
    asOf: asOfSchema,
    reason: z.enum(STOP_REASONS),
    message: z.optional(z.string()),
  }),
]) satisfies z.ZodMiniType<TrackingSignal>

export const etaClaimSchema = z.object({
  at: z.number().check(z.int()),
  zone: timeProvenanceSchema,
  localTime: z.string(),
  vendor: vendorSchema,
  asOf: asOfSchema,
}) satisfies z.ZodMiniType<EtaClaim>

/** Reads the tracking part of a stored parcel document; the derived fields are recomputed, so a
 * document written by an older rule set is brought up to date on read. */
export const parcelTrackingSchema = z.pipe(
  z.object({
    events: z.array(trackingEventSchema),
    signals: z._default(z.array(trackingSignalSchema), []),
    vendorEta: z._default(z.nullable(etaClaimSchema), null),
    vendorMap: z._default(z.nullable(vendorMapSchema), null),
    // Documents written before our own ETA took `eta` kept the vendor's claim there.
    eta: z.catch(z.nullable(etaClaimSchema), null),
  }),
  z.transform(({ events, signals, vendorEta, vendorMap, eta }): ParcelTracking =>
    mergeTracking(emptyTracking(), { ...emptyTracking(), events, signals, vendorEta: vendorEta ?? eta ?? null, vendorMap }),
  ),
)
