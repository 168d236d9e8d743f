import type { Browser } from 'playwright-core'
import { serveH5, type H5Server } from '../../dev/h5/serveH5'
import { launchBrowser, openPhonePage } from './browser'

describe('H5 build in Chromium', () => {
  let browser: Browser
  let h5: H5Server

  beforeAll(async () => {
    h5 = await serveH5({ cloudUrl: 'http://127.0.0.1:1', envId: 'test-h5-build' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await h5?.close()
  })

  it('boots the app with the injected local-cloud address and no page errors', async () => {
    const { page, pageErrors } = await openPhonePage(browser)
    await page.goto(`${h5.url}/#/pages/index/index`)
    await page.locator('.ps-shop__name').getByText('小店').waitFor()
    expect(await page.evaluate(() => (window as unknown as { __DEVCLOUD__: { envId: string } }).__DEVCLOUD__.envId)).toBe('test-h5-build')
    expect(pageErrors).toEqual([])
  })

  it('refuses to serve files outside the build', async () => {
    const response = await fetch(`${h5.url}/..%2f..%2fpackage.json`)
    expect([403, 404]).toContain(response.status)
  })
})
