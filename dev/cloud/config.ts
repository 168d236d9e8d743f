// Console configuration as code, validated at load: `cloudbase/rules/<collection>.json` (one security
// rule per collection; the files also define which collections exist), `cloudbase/httpAccess.json`
// (HTTP access routes) and each function's `config.json` (timeout, triggers, permissions, env vars).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { z } from 'zod'
import { parseCron, type CronSchedule } from './cron'
import { compileRules, type CompiledRules } from './rulesQuery'

export const REPO_ROOT = path.resolve(__dirname, '..', '..')
export const DEFAULT_CONFIG_DIR = path.join(REPO_ROOT, 'cloudbase')
export const DEFAULT_FUNCTIONS_DIR = path.join(REPO_ROOT, 'cloudfunctions')

const ruleValue = z.union([z.boolean(), z.string().min(1).max(1024)])
const ruleFileSchema = z
  .object({ read: ruleValue, write: ruleValue, create: ruleValue.optional(), update: ruleValue.optional(), delete: ruleValue.optional() })
  .strict()

const routeSchema = z
  .object({
    path: z.string().regex(/^\/[\w\-./]*$/, 'must start with / and hold only URL path characters'),
    function: z.string().min(1),
    auth: z.boolean().default(false),
  })
  .strict()
const httpAccessSchema = z.object({ routes: z.array(routeSchema) }).strict()

export type HttpRoute = z.infer<typeof routeSchema>

export interface CloudbaseConfig {
  rules: Map<string, CompiledRules>
  routes: HttpRoute[]
}

export function loadCloudbaseConfig(configDir: string): CloudbaseConfig {
  const rules = new Map<string, CompiledRules>()
  const rulesDir = path.join(configDir, 'rules')
  if (existsSync(rulesDir)) {
    for (const file of readdirSync(rulesDir)
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const collection = file.slice(0, -'.json'.length)
      const parsed = ruleFileSchema.safeParse(readJson(path.join(rulesDir, file)))
      if (!parsed.success) throw new Error(`${path.join(rulesDir, file)}: ${describe(parsed.error)}`)
      const compiled = compileRules(parsed.data)
      if (!compiled.ok) throw new Error(`${path.join(rulesDir, file)}: ${compiled.message}`)
      rules.set(collection, compiled.rules)
    }
  }
  const accessFile = path.join(configDir, 'httpAccess.json')
  let routes: HttpRoute[] = []
  if (existsSync(accessFile)) {
    const parsed = httpAccessSchema.safeParse(readJson(accessFile))
    if (!parsed.success) throw new Error(`${accessFile}: ${describe(parsed.error)}`)
    routes = parsed.data.routes
  }
  return { rules, routes }
}

const triggerSchema = z
  .object({
    // "up to 60 characters from [a-zA-Z0-9_-], starting with a letter" (reference/wechat.md §1.8)
    name: z.string().regex(/^[A-Za-z][\w-]{0,59}$/),
    type: z.literal('timer'),
    config: z.string(),
  })
  .strict()

const functionConfigSchema = z.object({
  // The platform's default is 3 s; the console allows up to 900 s (reference/wechat.md §1.5).
  timeout: z.number().int().min(1).max(900).default(3),
  triggers: z.array(triggerSchema).default([]),
  permissions: z
    .object({ openapi: z.array(z.string()).default([]) })
    .partial()
    .default({}),
  envVariables: z.record(z.string(), z.string()).default({}),
  memorySize: z.number().optional(),
  runtime: z.string().optional(),
})

export interface TimerTrigger {
  name: string
  schedule: CronSchedule
}

export interface FunctionConfig {
  timeoutSeconds: number
  timers: TimerTrigger[]
  openapi: string[]
  envVariables: Record<string, string>
}

export type FunctionConfigResult = { ok: true; config: FunctionConfig } | { ok: false; reason: 'invalid-config'; message: string }

/** A function folder without config.json gets the platform defaults. */
export function loadFunctionConfig(functionDir: string): FunctionConfigResult {
  const file = path.join(functionDir, 'config.json')
  let raw: unknown = {}
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      return { ok: false, reason: 'invalid-config', message: `${file}: ${(error as Error).message}` }
    }
  }
  const parsed = functionConfigSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, reason: 'invalid-config', message: `${file}: ${describe(parsed.error)}` }
  const timers: TimerTrigger[] = []
  for (const trigger of parsed.data.triggers) {
    const cron = parseCron(trigger.config)
    if (!cron.ok) return { ok: false, reason: 'invalid-config', message: `${file}: trigger ${trigger.name}: ${cron.message}` }
    timers.push({ name: trigger.name, schedule: cron.schedule })
  }
  return {
    ok: true,
    config: {
      timeoutSeconds: parsed.data.timeout,
      timers,
      openapi: parsed.data.permissions.openapi ?? [],
      envVariables: parsed.data.envVariables,
    },
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`)
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
}
