// Chromium driven by playwright-core, found as test/e2e/findChromium.ts says; nothing downloads a
// browser of its own. Flags from reference/taro.md §3d; the background-networking ones keep Chromium
// off the closed network.
import { chromium, type Browser, type Page } from 'playwright-core'
import { findChromium } from './findChromium'

export async function launchBrowser(): Promise<Browser> {
  const found = await findChromium()
  return chromium.launch({
    executablePath: found.executablePath,
    env: { ...process.env, ...found.env },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** A phone-sized page that records uncaught page errors so a test can assert there were none. */
export async function openPhonePage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return { page, pageErrors }
}
