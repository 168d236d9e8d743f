/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// A shopper never sees the merchant console on the weapp build: the custom tab bar has no 商家 tab,
// and a merchant page opened by its path (a shared link, a guessed route) shows "merchants only"
// without asking the cloud for anything but who the caller is — which the function refuses.
import { SHOPPER, startMerchantWorld, type MerchantWorld } from '../e2e/merchantWorld'
import { mountPage, textOf, unmountPage, waitFor, type Page, mountTabBar } from './harness'
import { installWxCloud } from './wxCloudStandIn'

const wxCloud = installWxCloud()
/** Answers delivered to the page (wx.cloud is the object Taro.cloud points at, so this sees every call). */
let answered = 0
const nativeCloud = (globalThis as unknown as { wx: { cloud: { callFunction(options: unknown): Promise<unknown> } } }).wx.cloud
const callFunction = nativeCloud.callFunction
nativeCloud.callFunction = async (options) => {
  try {
    return await callFunction(options)
  } finally {
    answered += 1
  }
}
let world: MerchantWorld
let page: Page | null = null

beforeAll(async () => {
  world = await startMerchantWorld()
  wxCloud.connect({ url: world.cloud.url, envId: world.cloud.envId, openid: SHOPPER })
})
afterEach(() => {
  if (page) unmountPage(page)
  page = null
})
afterAll(async () => {
  await world?.cloud.idle()
  await world?.close()
})

describe('the merchant console for a shopper (weapp build)', () => {
  it('has no 商家 tab', async () => {
    page = mountTabBar()
    await waitFor(() => answered > 0, 'the answer to "is this a merchant?"', 15_000)
    expect(wxCloud.functionCalls[0]).toEqual({ name: 'merchantConsole', data: { action: 'session' } })
    // One render pass after the answer (Taro batches setData) before concluding no tab was added.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(page.querySelectorAll('.ps-tab-bar__item')).toHaveLength(2)
    expect(textOf(page)).toBe('商城我的订单')
  })

  it.each(['merchant/pages/index/index', 'merchant/pages/batch/index', 'merchant/pages/exceptions/index'])(
    'shows %s as merchants-only and reads nothing',
    async (route) => {
      const before = wxCloud.functionCalls.length
      page = mountPage(route)
      await waitFor(() => textOf(page!).includes('仅商家可使用'), 'the merchants-only state', 15_000)
      const calls = wxCloud.functionCalls.slice(before)
      expect(calls.every((call) => call.name === 'merchantConsole' && call.data.action === 'session')).toBe(true)
      expect(textOf(page)).not.toContain('待发货订单')
    },
  )
})
