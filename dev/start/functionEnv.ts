// The environment the cloud functions get in the local stack: the sandbox aggregators' dev
// credentials and URLs, and the local cloud as the public base for vendor callbacks. On real
// CloudBase these are set per function in the console (server/README.md); production code has no
// defaults, so this is the only place the dev values live.
import { DEV_KDNIAO, DEV_KUAIDI100, DEV_KUAIDI100_SALT } from '../aggregators'

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
  }
}

export function trackingVendorFrom(value: string | undefined): TrackingVendor {
  if (value === undefined || value === '') return 'kdniao'
  if (value === 'kdniao' || value === 'kuaidi100') return value
  throw new Error(`TRACKING_VENDOR must be kdniao or kuaidi100, not "${value}"`)
}
