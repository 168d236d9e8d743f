// What every cloud function hands to server/: the database, the clock, a sleep for pacing, and its
// environment. Plus the two ways a function answers when a use case cannot: invalid input (a value)
// and an internal error (a bug or an outage), logged by message only — never the event or config.
import type * as z from '../../core/validation/zod'
import { failure, type Failure } from '../../core/api'
import { describeIssues } from '../../core/aggregators/vendorWire'
import type { TrackingVendorClient } from '../aggregators/trackingVendor'
import { vendorClientFor } from '../aggregators/vendorClientFor'
import { loadPipelineConfig, type PipelineConfig } from '../config'
import type { Clock, Sleep } from '../platform/clock'
import type { Database } from '../platform/database'

export interface FunctionRuntime {
  db: Database
  now: Clock
  sleep: Sleep
  env: Record<string, string | undefined>
}

export interface PipelineRuntime extends FunctionRuntime {
  config: PipelineConfig
  vendor: TrackingVendorClient
  limits: PipelineConfig['limits']
}

export function invalidInput(error: z.core.$ZodError): Failure<'invalid_input'> {
  return failure('invalid_input', describeIssues(error.issues))
}

export function pipelineRuntime(
  runtime: FunctionRuntime,
): { ok: true; runtime: PipelineRuntime } | { ok: false; failure: Failure<'internal_error'> } {
  const loaded = loadPipelineConfig(runtime.env)
  if (!loaded.ok) {
    console.error(`[config] ${loaded.message}`)
    return { ok: false, failure: failure('internal_error', loaded.message) }
  }
  const { config } = loaded
  return { ok: true, runtime: { ...runtime, config, vendor: vendorClientFor(config), limits: config.limits } }
}

/** Runs a use case; an exception (a bug, or storage down) becomes `internal_error` instead of a crash. */
export async function guarded<T>(name: string, run: () => Promise<T>): Promise<T | Failure<'internal_error'>> {
  try {
    return await run()
  } catch (error) {
    const message = error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error)
    console.error(`[${name}] ${message}`)
    return failure('internal_error', 'something went wrong; try again')
  }
}
