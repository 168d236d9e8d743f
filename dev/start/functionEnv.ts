// The environment the cloud functions get in the local stack: the sandbox aggregators' dev
// credentials and URLs, and the local cloud as the public base for vendor callbacks. On real
// CloudBase these are set per function in the console (server/README.md); production code has no
// defaults, so this is the only place the dev values live. Locally, whatever the caller's environment
// sets wins over them (functionEnvFrom).
import { DEV_KDNIAO, DEV_KUAIDI100, DEV_KUAIDI100_SALT } from '../aggregators'
import { DEV_SUBSCRIBE_TEMPLATES } from './devSubscribeTemplates'

export type TrackingVendor = 'kdniao' | 'kuaidi100'

/** A dev-only shared secret for the warehouse route (a real one comes from the console). */
export const DEV_WAREHOUSE_SECRET = 'dev-warehouse-secret-local-only'

export interface LocalFunctionEnvInput {
  vendor: TrackingVendor
  sandboxUrl: string
  cloudUrl: string
  warehouseSecret?: string
}

export function localFunctionEnv(input: LocalFunctionEnvInput): Record<string, string> {
  return {
    TRACKING_VENDOR: input.vendor,
    KDNIAO_EBUSINESS_ID: DEV_KDNIAO.eBusinessId,
    KDNIAO_APP_KEY: DEV_KDNIAO.appKey,
    KDNIAO_API_URL: input.sandboxUrl,
    KUAIDI100_CUSTOMER: DEV_KUAIDI100.customer,
    KUAIDI100_KEY: DEV_KUAIDI100.key,
    KUAIDI100_SALT: DEV_KUAIDI100_SALT,
    KUAIDI100_API_URL: input.sandboxUrl,
    TRACKING_PUSH_BASE_URL: input.cloudUrl,
    WAREHOUSE_HMAC_SECRET: input.warehouseSecret ?? DEV_WAREHOUSE_SECRET,
    // Locally the simulated provider, by name: production has no default (server/payments/paymentProvider.ts).
    PAYMENT_PROVIDER: 'simulated',
    SUBSCRIBE_TEMPLATES: JSON.stringify(DEV_SUBSCRIBE_TEMPLATES),
  }
}

/**
 * Every function env key DESIGN §5 documents. `npm start` and `npm run devcloud` hand the functions
 * whichever of these the caller's environment sets; the dev values above fill only the rest.
 */
export const FUNCTION_ENV_KEYS = [
  'TRACKING_VENDOR',
  'KDNIAO_EBUSINESS_ID',
  'KDNIAO_APP_KEY',
  'KDNIAO_API_URL',
  'KUAIDI100_CUSTOMER',
  'KUAIDI100_KEY',
  'KUAIDI100_SALT',
  'KUAIDI100_API_URL',
  'TRACKING_PUSH_BASE_URL',
  'WAREHOUSE_HMAC_SECRET',
  'POLL_SILENT_AFTER_MINUTES',
  'POLL_BATCH_LIMIT',
  'SUBSCRIBE_BATCH_LIMIT',
  'SUBSCRIBE_INLINE_BUDGET_MS',
  'VENDOR_QPS',
  'REFRESH_MIN_INTERVAL_SECONDS',
  'SUBSCRIBE_TEMPLATES',
  'PAYMENT_PROVIDER',
  'PUSH_INBOX_RETENTION_DAYS',
  'MERCHANT_OPENIDS',
] as const

export interface ResolvedFunctionEnv {
  functionEnv: Record<string, string>
  /** The keys whose value came from the caller's environment rather than a dev default. */
  fromEnv: ReadonlySet<string>
}

function setIn(env: NodeJS.ProcessEnv, key: string): string | undefined {
  const value = env[key]
  return value === undefined || value === '' ? undefined : value
}

/** The dev defaults with every documented key the environment sets in their place. */
export function functionEnvFrom(defaults: Record<string, string>, env: NodeJS.ProcessEnv): ResolvedFunctionEnv {
  const functionEnv = { ...defaults }
  const fromEnv = new Set<string>()
  for (const key of FUNCTION_ENV_KEYS) {
    const value = setIn(env, key)
    if (value === undefined) continue
    functionEnv[key] = value
    fromEnv.add(key)
  }
  return { functionEnv, fromEnv }
}

/**
 * The credentials the sandbox aggregators sign and check with: the same ones the functions get, so
 * `KDNIAO_APP_KEY=… npm start` makes the sandbox sign its pushes with that key and the receiver
 * refuse anything signed with the dev key.
 */
export function sandboxCredentialsFrom(env: NodeJS.ProcessEnv) {
  return {
    kdniao: {
      eBusinessId: setIn(env, 'KDNIAO_EBUSINESS_ID') ?? DEV_KDNIAO.eBusinessId,
      appKey: setIn(env, 'KDNIAO_APP_KEY') ?? DEV_KDNIAO.appKey,
    },
    kuaidi100: {
      customer: setIn(env, 'KUAIDI100_CUSTOMER') ?? DEV_KUAIDI100.customer,
      key: setIn(env, 'KUAIDI100_KEY') ?? DEV_KUAIDI100.key,
    },
  }
}

/** `5e1f…01 (36 chars)`: enough to tell two keys apart in a log, never enough to use one. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return `${'*'.repeat(value.length)} (${value.length} chars)`
  return `${value.slice(0, 4)}…${value.slice(-2)} (${value.length} chars)`
}

const SECRET_KEYS = new Set(['KDNIAO_APP_KEY', 'KUAIDI100_KEY', 'KUAIDI100_SALT', 'WAREHOUSE_HMAC_SECRET'])

/** What start-up prints: the vendor in use and each credential, masked, with where it came from. */
export function describeFunctionEnv(resolved: ResolvedFunctionEnv): string[] {
  const { functionEnv, fromEnv } = resolved
  const show = (key: string) => {
    const value = functionEnv[key] ?? '(unset)'
    const shown = SECRET_KEYS.has(key) ? maskSecret(value) : value
    return `${key}=${shown} ${fromEnv.has(key) ? '(from env)' : '(dev default)'}`
  }
  const vendorKeys =
    functionEnv.TRACKING_VENDOR === 'kuaidi100'
      ? ['KUAIDI100_CUSTOMER', 'KUAIDI100_KEY', 'KUAIDI100_SALT', 'KUAIDI100_API_URL']
      : ['KDNIAO_EBUSINESS_ID', 'KDNIAO_APP_KEY', 'KDNIAO_API_URL']
  const others = [...fromEnv].filter((key) => key !== 'TRACKING_VENDOR' && !vendorKeys.includes(key)).sort()
  return [show('TRACKING_VENDOR'), ...vendorKeys.map(show), ...others.map(show)]
}

export function trackingVendorFrom(value: string | undefined): TrackingVendor {
  if (value === undefined || value === '') return 'kdniao'
  if (value === 'kdniao' || value === 'kuaidi100') return value
  throw new Error(`TRACKING_VENDOR must be kdniao or kuaidi100, not "${value}"`)
}
