// Reads a stored VendorMap back from a parcel document.
import * as z from '../validation/zod'
import type { VendorMap } from './vendorMap'

const latLng = z.object({ lat: z.number(), lng: z.number() })
const namedPoint = z.object({ name: z.string(), point: z.nullable(latLng) })

export const vendorMapSchema = z.object({
  vendor: z.enum(['kdniao', 'kuaidi100']),
  asOf: z.nullable(z.number()),
  origin: z.nullable(namedPoint),
  destination: z.nullable(namedPoint),
  current: z.nullable(namedPoint),
  planned: z.array(z.object({ name: z.string(), point: z.nullable(latLng), passed: z.boolean() })),
  places: z.array(z.object({ name: z.string(), lat: z.number(), lng: z.number() })),
  loop: z.nullable(z.boolean()),
}) satisfies z.ZodMiniType<VendorMap>
