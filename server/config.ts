// Typed configuration from the function's environment (DESIGN §5). Every problem is reported at
// once (all missing keys, all invalid ones) by key name only: values are secrets and never appear in
// a message or a log. Production has no defaults for URLs or credentials; the local stack passes its
// dev values through the emulator's function environment.
import * as z from '../core/validation/zod'
import type { TrackingVendor } from '../core/api'

export interface KdniaoConfig {
  eBusinessId: string
  appKey: string
  apiUrl: string
}
export interface Kuaidi100Config {
  customer: string
  key: string
  /** Our callback salt: Kuaidi100 signs every push with it (aggregators.md §2.2). */
  salt: string
  apiUrl: string
  /** Public base URL of the HTTP access domain; the subscription's callbackurl is built on it. */
  pushBaseUrl: string
}

export interface PipelineLimits {
  /** A parcel with no news for this long is polled (aggregators.md §10 "Polling fallback"). */
  pollSilentAfterMs: number
  /** Parcels polled per pollTracking run; pushInbox rows re-driven per run. */
  pollBatch: number
  /** Pending subscriptions attempted per subscribeTracking run. */
  subscribeBatch: number
  /** Requests per second to the vendor API. Kdniao's old doc says 10/s (§1.9); we stay at half. */
  vendorQps: number
  /** A shopper may refresh one parcel this often. */
  refreshMinIntervalMs: number
  /** Time backfill spends subscribing new parcels itself before leaving the rest to the timer. */
  subscribeInlineBudgetMs: number
}

export interface PipelineConfig {
  /** Which vendor new parcels are subscribed with and polled through. */
  vendor: TrackingVendor
  /** The selected vendor's section is always present; the other one when all its keys are set (pushes
   * from it are still received, e.g. while switching vendors). */
  kdniao: KdniaoConfig | null
  kuaidi100: Kuaidi100Config | null
  /** null: the warehouse route refuses every request. */
  warehouseSecret: string | null
  merchantOpenids: string[]
  limits: PipelineLimits
}

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; missing: string[]; invalid: string[]; message: string }

const KDNIAO_KEYS = ['KDNIAO_EBUSINESS_ID', 'KDNIAO_APP_KEY', 'KDNIAO_API_URL'] as const
const KUAIDI100_KEYS = ['KUAIDI100_CUSTOMER', 'KUAIDI100_KEY', 'KUAIDI100_SALT', 'KUAIDI100_API_URL', 'TRACKING_PUSH_BASE_URL'] as const

const httpUrl = z.pipe(
  z.url({ protocol: /^https?$/ }),
  z.transform((url: string) => url.replace(/\/+$/, '')),
)
const VALUE_SCHEMAS: Record<string, z.ZodMiniType> = {
  TRACKING_VENDOR: z.enum(['kdniao', 'kuaidi100']),
  KDNIAO_EBUSINESS_ID: z.string().check(z.regex(/^\d{4,12}$/)),
  KDNIAO_APP_KEY: z.string().check(z.minLength(8)),
  KDNIAO_API_URL: httpUrl,
  KUAIDI100_CUSTOMER: z.string().check(z.minLength(8)),
  KUAIDI100_KEY: z.string().check(z.minLength(8)),
  KUAIDI100_SALT: z.string().check(z.minLength(8)),
  KUAIDI100_API_URL: httpUrl,
  TRACKING_PUSH_BASE_URL: httpUrl,
  WAREHOUSE_HMAC_SECRET: z.string().check(z.minLength(16)),
  MERCHANT_OPENIDS: z.string(),
  POLL_SILENT_AFTER_MINUTES: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(7 * 24 * 60)),
  POLL_BATCH_LIMIT: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)),
  SUBSCRIBE_BATCH_LIMIT: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)),
  VENDOR_QPS: z.coerce.number().check(z.minimum(0.1), z.maximum(100)),
  REFRESH_MIN_INTERVAL_SECONDS: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(24 * 3600)),
  SUBSCRIBE_INLINE_BUDGET_MS: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(50_000)),
}

const DEFAULTS = {
  POLL_SILENT_AFTER_MINUTES: 6 * 60,
  POLL_BATCH_LIMIT: 50,
  SUBSCRIBE_BATCH_LIMIT: 100,
  VENDOR_QPS: 5,
  REFRESH_MIN_INTERVAL_SECONDS: 10 * 60,
  SUBSCRIBE_INLINE_BUDGET_MS: 2000,
} as const

export function merchantOpenidsFrom(raw: string | undefined): string[] {
  return [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((openid) => openid.trim())
        .filter((openid) => openid !== ''),
    ),
  ]
}

export function loadPipelineConfig(env: Record<string, string | undefined>): ConfigResult<PipelineConfig> {
  const missing: string[] = []
  const invalid: string[] = []
  const read = <T>(key: string, required: boolean): T | undefined => {
    const raw = env[key]
    if (raw === undefined || raw.trim() === '') {
      if (required) missing.push(key)
      return undefined
    }
    const parsed = VALUE_SCHEMAS[key]?.safeParse(raw.trim())
    if (!parsed?.success) {
      invalid.push(key)
      return undefined
    }
    return parsed.data as T
  }
  const vendor = read<TrackingVendor>('TRACKING_VENDOR', true)
  // The other vendor's section counts only when at least one of its keys is set; then all must be.
  const wanted = (keys: readonly string[], selected: boolean) => selected || keys.some((key) => (env[key] ?? '').trim() !== '')
  const kdniaoWanted = wanted(KDNIAO_KEYS, vendor === 'kdniao')
  const kuaidi100Wanted = wanted(KUAIDI100_KEYS, vendor === 'kuaidi100')
  const kdniao = kdniaoWanted
    ? {
        eBusinessId: read<string>('KDNIAO_EBUSINESS_ID', true),
        appKey: read<string>('KDNIAO_APP_KEY', true),
        apiUrl: read<string>('KDNIAO_API_URL', true),
      }
    : null
  const kuaidi100 = kuaidi100Wanted
    ? {
        customer: read<string>('KUAIDI100_CUSTOMER', true),
        key: read<string>('KUAIDI100_KEY', true),
        salt: read<string>('KUAIDI100_SALT', true),
        apiUrl: read<string>('KUAIDI100_API_URL', true),
        pushBaseUrl: read<string>('TRACKING_PUSH_BASE_URL', true),
      }
    : null
  const number = (key: keyof typeof DEFAULTS) => read<number>(key, false) ?? DEFAULTS[key]
  const limits: PipelineLimits = {
    pollSilentAfterMs: number('POLL_SILENT_AFTER_MINUTES') * 60_000,
    pollBatch: number('POLL_BATCH_LIMIT'),
    subscribeBatch: number('SUBSCRIBE_BATCH_LIMIT'),
    vendorQps: number('VENDOR_QPS'),
    refreshMinIntervalMs: number('REFRESH_MIN_INTERVAL_SECONDS') * 1000,
    subscribeInlineBudgetMs: number('SUBSCRIBE_INLINE_BUDGET_MS'),
  }
  const warehouseSecret = read<string>('WAREHOUSE_HMAC_SECRET', false) ?? null
  const merchantOpenids = merchantOpenidsFrom(read<string>('MERCHANT_OPENIDS', false))
  if (missing.length > 0 || invalid.length > 0 || !vendor) {
    const parts = [
      ...(missing.length > 0 ? [`missing: ${missing.join(', ')}`] : []),
      ...(invalid.length > 0 ? [`invalid: ${invalid.join(', ')}`] : []),
    ]
    return { ok: false, missing, invalid, message: `configuration incomplete (${parts.join('; ')})` }
  }
  return {
    ok: true,
    config: {
      vendor,
      kdniao: kdniao as KdniaoConfig | null,
      kuaidi100: kuaidi100 as Kuaidi100Config | null,
      warehouseSecret,
      merchantOpenids,
      limits,
    },
  }
}
