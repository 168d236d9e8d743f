/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// The storefront tab on the real weapp build against a real local cloud.
import type { DevCloud } from '../../dev/cloud'
import { startTestCloud } from '../support/devcloud'
import { mountPage, textOf, unmountPage, waitFor } from './harness'
import { installWxCloud } from './wxCloudStandIn'

const wxCloud = installWxCloud()
let cloud: DevCloud

beforeAll(async () => {
  cloud = await startTestCloud()
  wxCloud.connect({ url: cloud.url, envId: cloud.envId, openid: 'dev-shopper' })
})
afterAll(async () => {
  await cloud?.close()
})

describe('storefront (weapp build)', () => {
  it('shows the shop banner and, when the catalogue call fails, says so with a retry', async () => {
    cloud.faults.rejectInvocations({ count: 5 })
    const page = mountPage('pages/index/index')
    await waitFor(() => textOf(page).includes('商品加载失败'), 'the failure state')
    expect(page.querySelector('.ps-shop__name')?.dom.textContent).toBe('小店')
    expect(page.querySelector('.ps-state-view__action')?.dom.textContent).toBe('重试')
    expect(wxCloud.functionCalls.map((call) => call.name)).toContain('listProducts')
    unmountPage(page)
    cloud.faults.clear()
  })
})
