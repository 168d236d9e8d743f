// One local world per test file: the sandbox aggregators on a manual clock, the devcloud running the
// real function bundles on the real wx-server-sdk, and every clock — the sandbox's, the devcloud's and
// the functions' Date.now — on that one manual clock, so a test can move a week in milliseconds and
// the functions' rate limits, backoffs and silences move with it. Close it in afterAll.
import { startDevCloud, type DevCloud, type Doc } from '../../../dev/cloud'
import {
  createManualClock,
  DEV_KDNIAO,
  DEV_KUAIDI100,
  startSandbox,
  type ManualClock,
  type Sandbox,
  type SandboxOptions,
} from '../../../dev/aggregators'
import { localFunctionEnv } from '../../../dev/start/functionEnv'
import { demoMerchants } from '../../../dev/seed/merchants'
import { DEMO_PRODUCTS } from '../../../dev/seed/products'
import { testEnvId } from '../../support/devcloud'
import { ensureFunctionsBuilt } from './buildOnce'
import { post, type HttpResult } from './http'
import { freePort } from '../../../dev/ports'

export const SHOPPER = 'dev-shopper'
export const SHOPPER_2 = 'dev-shopper-2'
export const MERCHANT = 'dev-merchant'
export const WAREHOUSE_SECRET = 'test-warehouse-secret-0001'
export const COLLECTIONS = ['products', 'orders', 'parcels', 'pushInbox', 'pushInboxParts', 'merchants'] as const

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export interface RigOptions {
  vendor: 'kdniao' | 'kuaidi100'
  /** Extra function environment (limits…). */
  env?: Record<string, string>
  sandbox?: Omit<SandboxOptions, 'clock'>
}

export interface Rig {
  cloud: DevCloud
  sandbox: Sandbox
  clock: ManualClock
  /** Calls a function as a page would, as `openid`. */
  call<T>(name: string, data: Record<string, unknown>, openid?: string): Promise<T>
  /** POSTs to the devcloud's HTTP access routes. */
  http(path: string, body: string | Buffer, headers?: Record<string, string>): Promise<HttpResult>
  /** Moves the shared clock, running every vendor push due meanwhile, and lets the devcloud settle. */
  advance(ms: number): Promise<void>
  settle(): Promise<void>
  /** Every document of every collection, for "nothing was written" comparisons. */
  snapshot(): Promise<Record<string, Doc[]>>
  /** Runs `attempt`, lets the cloud settle, fails the test if any document changed, returns the answer. */
  writesNothing<T>(attempt: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

export async function startRig(options: RigOptions): Promise<Rig> {
  await ensureFunctionsBuilt()
  // A receiver that answers within seconds counts: the first invocation loads the SDK cold.
  const clock = createManualClock({ ioWaitMs: 15_000, startAt: Date.UTC(2025, 0, 2, 0, 0, 0) })
  const dateNow = jest.spyOn(Date, 'now').mockImplementation(() => clock.now())
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const sandbox = await startSandbox({
    ...options.sandbox,
    clock,
    kdniao: { ...DEV_KDNIAO, qps: 1000, ...options.sandbox?.kdniao, pushUrl: `${url}/tracking/push/kdniao` },
    kuaidi100: { ...DEV_KUAIDI100, ...options.sandbox?.kuaidi100 },
  })
  const cloud = await startDevCloud({
    port,
    envId: testEnvId(),
    now: () => clock.now(),
    functionEnv: {
      ...localFunctionEnv({ vendor: options.vendor, sandboxUrl: sandbox.url, cloudUrl: url, warehouseSecret: WAREHOUSE_SECRET }),
      // Pacing is proved by the unit tests; here it would only slow the suite down.
      VENDOR_QPS: '100',
      ...options.env,
    },
  })
  for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product })
  for (const merchant of demoMerchants(undefined)) await cloud.db.put('merchants', { ...merchant })

  const snapshot = async () => {
    const all: Record<string, Doc[]> = {}
    for (const collection of COLLECTIONS) all[collection] = await cloud.db.list(collection)
    return all
  }
  const settle = async () => {
    await sandbox.settle()
    await cloud.idle()
  }
  return {
    cloud,
    sandbox,
    clock,
    settle,
    call: (name, data, openid) => cloud.invoke(name, data, { openid }),
    http: (path, body, headers = {}) => post(`${url}${path}`, body, headers),
    async advance(ms) {
      await clock.advance(ms)
      await cloud.idle()
    },
    snapshot,
    async writesNothing(attempt) {
      const before = await snapshot()
      const answer = await attempt()
      await cloud.idle()
      expect(await snapshot()).toEqual(before)
      return answer
    },
    async close() {
      await sandbox.close()
      await cloud.close()
      dateNow.mockRestore()
    },
  }
}

/** The address object wx.chooseAddress returns (a made-up person; the phone is never stored clear). */
export const ADDRESS = {
  userName: '测试收件人',
  telNumber: '13800005678',
  provinceName: '北京市',
  cityName: '北京市',
  countyName: '朝阳区',
  detailInfo: '望京街道 1 号',
  postalCode: '100102',
  nationalCode: '110105',
  errMsg: 'chooseAddress:ok',
}
