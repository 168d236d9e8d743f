// Fault knobs for reliability tests: refuse database writes (all, or one collection's) for the next
// N writes or until a time on the devcloud clock, with the error the SDK sees for a failed write
// (DATABASE_REQUEST_FAILED → errCode -502001); make the function host refuse invocations for a
// while; cut every realtime connection (the realtime server does that part); answer the next N calls
// of one 云调用 API with a WeChat errcode (43101, -604103 system error…).
import { z } from 'zod'
import { fail, type CloudFailure } from './errors'
import type { Commit } from './store'

export const writeFaultSchema = z
  .object({
    count: z.number().int().positive().optional(),
    until: z.number().int().positive().optional(),
    collection: z.string().min(1).optional(),
  })
  .strict()
  .refine((spec) => spec.count !== undefined || spec.until !== undefined, 'give count (next N writes) or until (epoch ms)')

export const invocationFaultSchema = z
  .object({
    count: z.number().int().positive().optional(),
    until: z.number().int().positive().optional(),
  })
  .strict()
  .refine((spec) => spec.count !== undefined || spec.until !== undefined, 'give count (next N invocations) or until (epoch ms)')

export const openApiFaultSchema = z
  .object({
    api: z.string().min(1),
    errcode: z
      .number()
      .int()
      .refine((code) => code !== 0, 'errcode 0 is not a fault'),
    times: z.number().int().positive().default(1),
  })
  .strict()

export type WriteFault = z.infer<typeof writeFaultSchema>
export type OpenApiFault = z.input<typeof openApiFaultSchema>
export type InvocationFault = z.infer<typeof invocationFaultSchema>

interface Budget {
  remaining?: number
  until?: number
}

export class FaultState {
  private writes: Array<Budget & { collection?: string }> = []
  private invocations: Budget[] = []
  private openApi: Array<{ api: string; errcode: number; remaining: number }> = []

  constructor(private readonly now: () => number) {}

  failWrites(spec: WriteFault): void {
    this.writes.push({ remaining: spec.count, until: spec.until, collection: spec.collection })
  }

  rejectInvocations(spec: InvocationFault): void {
    this.invocations.push({ remaining: spec.count, until: spec.until })
  }

  failOpenApi(spec: OpenApiFault): void {
    const parsed = openApiFaultSchema.parse(spec)
    this.openApi.push({ api: parsed.api, errcode: parsed.errcode, remaining: parsed.times })
  }

  clear(): void {
    this.writes = []
    this.invocations = []
    this.openApi = []
  }

  /** The errcode to answer this call of `api` with, while a fault for it has calls left. */
  openApiFault(api: string): number | undefined {
    const fault = this.openApi.find((candidate) => candidate.api === api && candidate.remaining > 0)
    if (!fault) return undefined
    fault.remaining -= 1
    return fault.errcode
  }

  /** The store's write guard: a failure while a matching fault is active. */
  refuseWrite(commit: Commit): CloudFailure | undefined {
    const touched = new Set(commit.changes.map((change) => change.collection))
    const fault = this.writes.find(
      (candidate) => this.active(candidate) && (candidate.collection === undefined || touched.has(candidate.collection)),
    )
    if (!fault) return undefined
    this.spend(fault)
    return fail('DATABASE_REQUEST_FAILED', `devcloud fault: write refused${fault.collection ? ` on ${fault.collection}` : ''} (injected)`)
  }

  refuseInvocation(): string | undefined {
    const fault = this.invocations.find((candidate) => this.active(candidate))
    if (!fault) return undefined
    this.spend(fault)
    return 'devcloud fault: function host unavailable (injected)'
  }

  private active(budget: Budget): boolean {
    if (budget.remaining !== undefined && budget.remaining <= 0) return false
    return budget.until === undefined || this.now() < budget.until
  }

  private spend(budget: Budget): void {
    if (budget.remaining !== undefined) budget.remaining -= 1
  }
}
