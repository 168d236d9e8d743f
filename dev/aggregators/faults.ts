// Fault knobs. They are applied when a subscription's pushes are planned (duplicate, reorder, drop,
// delay, corrupt signature, carrier correction, no record) or when a request arrives (outage).
// Rates are probabilities drawn from a seeded generator keyed by number and push index, so a run
// is reproducible and does not depend on the order numbers are subscribed in.
import { z } from 'zod'

const rate = z.union([z.boolean(), z.number().min(0).max(1)])

export const faultsSchema = z.strictObject({
  /** Send each push twice (true) or with this probability. */
  duplicate: rate.optional(),
  /** Deliver snapshot 0 after snapshot 1, 2 after 3, …: an older snapshot lands after a newer one. */
  reorder: z.boolean().optional(),
  /** Never send a push (true) or with this probability; queries still see the events. */
  drop: rate.optional(),
  /** Send every push this much later than its event (scenario time). */
  delayMs: z.number().int().nonnegative().optional(),
  /** Sign pushes with a wrong key (true) or with this probability. */
  corruptSignature: rate.optional(),
  /** The number really belongs to this carrier (our short code); Kuaidi100 corrects `com` to it. */
  carrierCorrection: z.string().min(1).optional(),
  /** The carrier never reports the number: no traces; Kuaidi100 aborts with 3天查询无记录. */
  noRecord: z.boolean().optional(),
})

export type Faults = z.infer<typeof faultsSchema>

const outageSchema = z.strictObject({
  vendor: z.enum(['kdniao', 'kuaidi100', 'both']).default('both'),
  /** refuse: answer with the vendor's own busy error; hang: hold the request open until it ends. */
  mode: z.enum(['refuse', 'hang']),
  /** How long from setFaults (clock time); open-ended when absent. */
  forMs: z.number().int().positive().optional(),
})

export const globalFaultsSchema = faultsSchema.extend({
  outage: outageSchema.optional(),
  /** Seed for the probabilistic knobs (default 1). */
  seed: z.number().int().optional(),
})

export type GlobalFaults = z.input<typeof globalFaultsSchema>

/** Number-level knobs win over the scenario's, which win over the global ones. */
export function mergeFaults(...layers: Array<Faults | undefined>): Faults {
  return Object.assign({}, ...layers.filter(Boolean)) as Faults
}

// FNV-1a then mulberry32: small, dependency-free and stable across Node versions.
function hashKey(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function unitFloat(seed: number): number {
  let t = (seed + 0x6d2b79f5) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** Whether a knob fires for `key` (e.g. `drop|SF123|3`), deterministically for a given seed. */
export function knobFires(setting: boolean | number | undefined, seed: number, key: string): boolean {
  if (setting === undefined || setting === false) return false
  if (setting === true) return true
  return unitFloat(hashKey(`${seed}|${key}`)) < setting
}
