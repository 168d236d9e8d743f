// The local world the merchant-console tests run in (weapp and e2e): the real function bundles on
// the real wx-server-sdk in a devcloud, the Kdniao sandbox on a manual clock starting now (so the
// pages' "waited 2 h" reads naturally), and the demo catalogue and merchants; the functions get the
// local stack's environment (dev/start/functionEnv). It loads the bundles as built: node tests build them first
// (test/functions/support/buildOnce); esbuild cannot load in the weapp jsdom environment, so there
// a missing bundle is an error naming the command. Close it in afterAll.
import { existsSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { createManualClock, DEV_KDNIAO, startSandbox, type ManualClock, type Sandbox } from '../../dev/aggregators'
import { startDevCloud, type DevCloud } from '../../dev/cloud'
import { demoMerchants } from '../../dev/seed/merchants'
import { localFunctionEnv } from '../../dev/start/functionEnv'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import type { CreateOrderResult } from '../../core/api'
import { testEnvId } from '../support/devcloud'
import { freePort } from '../../dev/ports'

export const SHOPPER = 'dev-shopper'
export const SHOPPER_2 = 'dev-shopper-2'
export const MERCHANT = 'dev-merchant'

/** A made-up receiver; the phone is a reserved test number and is stored masked (138****5678). */
export const RECEIVER = {
  userName: '测试收件人',
  telNumber: '13800005678',
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  detailInfo: '文三路 1 号',
  postalCode: '310000',
}

export interface MerchantWorld {
  cloud: DevCloud
  sandbox: Sandbox
  clock: ManualClock
  /** Places a paid order as `openid` through the real createOrder; returns its id. */
  placeOrder(openid?: string, items?: Array<{ productId: string; quantity: number }>, address?: typeof RECEIVER): Promise<string>
  close(): Promise<void>
}

const FUNCTIONS_DIR = path.resolve(__dirname, '..', '..', 'cloudfunctions')

function assertBundlesBuilt(): void {
  const missing = readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(FUNCTIONS_DIR, entry.name, 'src', 'index.ts')))
    .filter((entry) => !existsSync(path.join(FUNCTIONS_DIR, entry.name, 'index.js')))
  if (missing.length > 0)
    throw new Error(
      `cloud function bundles missing (${missing.map((entry) => entry.name).join(', ')}): run \`npm run build:functions\` first`,
    )
}

export async function startMerchantWorld(): Promise<MerchantWorld> {
  assertBundlesBuilt()
  const clock = createManualClock({ startAt: Date.now(), ioWaitMs: 15_000 })
  const port = await freePort()
  const cloudUrl = `http://127.0.0.1:${port}`
  const sandbox = await startSandbox({ clock, kdniao: { ...DEV_KDNIAO, qps: 1000, pushUrl: `${cloudUrl}/tracking/push/kdniao` } })
  const cloud = await startDevCloud({
    port,
    envId: testEnvId(),
    functionEnv: { ...localFunctionEnv({ vendor: 'kdniao', sandboxUrl: sandbox.url, cloudUrl }), VENDOR_QPS: '100' },
  })
  for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product })
  for (const merchant of demoMerchants(undefined)) await cloud.db.put('merchants', { ...merchant })
  return {
    cloud,
    sandbox,
    clock,
    async placeOrder(openid = SHOPPER, items = [{ productId: 'prod-cotton-tote', quantity: 1 }], address = RECEIVER) {
      const placed = await cloud.invoke<CreateOrderResult>('createOrder', { items, address }, { openid })
      if (!placed.ok) throw new Error(`createOrder: ${placed.message}`)
      return placed.orderId
    },
    async close() {
      await sandbox.close()
      await cloud.close()
    },
  }
}
