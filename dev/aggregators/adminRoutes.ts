// The sandbox's own small HTTP API, for driving a standalone sandbox (`npm run sandbox`) from
// another process: assign stories, set faults, inspect subscriptions and deliveries.
import { z } from 'zod'
import { json, type HttpReply } from './context'
import { faultsSchema, globalFaultsSchema } from './faults'
import { SCENARIOS } from './scenarios'
import type { Route } from './server'
import type { Sandbox } from './types'

const assignSchema = z.strictObject({
  trackingNo: z.string().min(1),
  scenario: z.string().min(1),
  faults: faultsSchema.optional(),
  phoneTail: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  startedMinutesAgo: z.number().nonnegative().optional(),
})

function parseBody<T>(schema: z.ZodType<T>, body: string): { ok: true; value: T } | { ok: false; reply: HttpReply } {
  let raw: unknown
  try {
    raw = JSON.parse(body)
  } catch {
    return { ok: false, reply: json({ error: 'body is not JSON' }, 400) }
  }
  const parsed = schema.safeParse(raw)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reply: json({ error: z.prettifyError(parsed.error) }, 400) }
}

export function adminRoutes(sandbox: () => Sandbox): Route[] {
  return [
    {
      method: 'GET',
      path: '/sandbox/v1/scenarios',
      handle: () => json([...SCENARIOS.values()].map(({ name, description }) => ({ name, description }))),
    },
    { method: 'GET', path: '/sandbox/v1/subscriptions', handle: () => json(sandbox().subscriptions()) },
    { method: 'GET', path: '/sandbox/v1/deliveries', handle: () => json(sandbox().deliveries()) },
    {
      method: 'POST',
      path: '/sandbox/v1/scenarios',
      handle: (body) => {
        const input = parseBody(assignSchema, body)
        if (!input.ok) return input.reply
        const { trackingNo, scenario, faults, phoneTail, startedMinutesAgo } = input.value
        if (!SCENARIOS.has(scenario)) return json({ error: `unknown scenario "${scenario}"` }, 400)
        sandbox().assignScenario(trackingNo, scenario, faults, { phoneTail, startedMinutesAgo })
        return json({ ok: true })
      },
    },
    {
      method: 'POST',
      path: '/sandbox/v1/faults',
      handle: (body) => {
        const input = parseBody(globalFaultsSchema, body)
        if (!input.ok) return input.reply
        sandbox().setFaults(input.value)
        return json({ ok: true })
      },
    },
  ]
}
