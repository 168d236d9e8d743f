// A scenario is one parcel's story, written once and rendered into every vendor's wire format.
// `atMinute` is the offset from the moment the sandbox first hears of the number (its first
// subscribe or query), in scenario minutes (compressed by `speed` in real-time mode).
import { z } from 'zod'
import { faultsSchema } from '../faults'
import { STAGES } from '../stages'

// Courier phones in texts are masked the way carriers print them (138****1234); an unmasked
// mobile number would be real personal data.
const UNMASKED_MOBILE = /1[3-9]\d{9}/

export const scenarioEventSchema = z.strictObject({
  atMinute: z.number().int().nonnegative(),
  stage: z.enum(STAGES),
  text: z
    .string()
    .min(1)
    .refine((text) => !UNMASKED_MOBILE.test(text), 'unmasked mobile number in text'),
  /** Province or country as Kuaidi100 prints it in areaName (`广东`, `日本`). */
  province: z.string().min(1),
  /** City as Kdniao prints it in Location (`深圳市`). */
  city: z.string().min(1),
})

export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(1),
  /** Estimated delivery, minutes after the start; rendered in Kdniao's EstimatedDeliveryTime. */
  etaMinute: z.number().int().positive().optional(),
  faults: faultsSchema.optional(),
  events: z
    .array(scenarioEventSchema)
    .min(1)
    .refine(
      (events) => events.every((event, i) => event.atMinute >= (events[i - 1]?.atMinute ?? event.atMinute)),
      'events must be in time order',
    ),
})

export type ScenarioEvent = z.infer<typeof scenarioEventSchema>
export type Scenario = z.infer<typeof scenarioSchema>
