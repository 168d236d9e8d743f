// The batch backfill end to end on the H5 build as the desktop merchant console: the merchant pastes
// 20 lines (some invalid, one ambiguous, one repeated, one already on another order), sees every line
// checked, settles the ambiguous one, submits, reads the per-line results and copies them; fixes the
// failed lines and submits them alone; a line that went through is submitted again and changes
// nothing. Then the shopper's tracking page of one of those orders shows the parcel, scans included.
import type { Browser, Page } from 'playwright-core'
import type { ParcelDoc } from '../../core/api'
import { serveH5, type H5Server } from '../../dev/h5/serveH5'
import { ensureFunctionsBuilt } from '../functions/support/buildOnce'
import { waitFor } from '../support/waitFor'
import { launchBrowser } from './browser'
import { MERCHANT, SHOPPER, SHOPPER_2, startMerchantWorld, type MerchantWorld } from './merchantWorld'

const MINUTE = 60_000

let world: MerchantWorld
let h5: H5Server
let browser: Browser
let orders: string[]
let taken: string

beforeAll(async () => {
  await ensureFunctionsBuilt()
  world = await startMerchantWorld()
  h5 = await serveH5({ cloudUrl: world.cloud.url, envId: world.cloud.envId })
  browser = await launchBrowser()
  orders = []
  for (let index = 0; index < 17; index += 1) orders.push(await world.placeOrder(SHOPPER))
  const other = await world.placeOrder(SHOPPER_2)
  await world.cloud.invoke('backfillTracking', { entries: [{ orderId: other, trackingNo: 'YT1400000007999' }] }, { openid: MERCHANT })
  taken = other
})

afterAll(async () => {
  await browser?.close()
  await h5?.close()
  await world?.cloud.idle()
  await world?.close()
})

const number = (index: number) => `YT14000000070${String(index).padStart(2, '0')}`
const parcel = async (id: string) => (await world.cloud.db.get('parcels', id)) as unknown as ParcelDoc | null

/** What the merchant pastes from a spreadsheet: a header, tabs and commas, a blank line. */
function pastedLines(): string[] {
  return [
    /* 1 */ `${orders[0]},SF1400000007001`,
    ...Array.from({ length: 10 }, (_, index) => `${orders[index + 1]}\t${number(index + 2)}`) /* 2–11 */,
    /* 12 */ `${orders[11]},123456789012`,
    /* 13 */ `${orders[12]},ABC`,
    /* 14 */ `订单14,${number(14)}`,
    /* 15 */ `${orders[0]}，sf 1400 0000 07001`,
    /* 16 */ `${orders[13]},YT1400000007999`,
    /* 17 */ `${orders[14]},SF1400000007017,顺丰,5678`,
    /* 18 */ `${orders[15]},${number(18)},飞鸽快递`,
    /* 19 */ `${orders[16]},JT1400000007019`,
    /* 20 */ `${orders[13]},78912345670020,中通`,
  ]
}

async function rowStates(page: Page): Promise<Record<number, string>> {
  const rows = await page
    .locator('.mc-batch-preview__row')
    .evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-line'), element.getAttribute('data-state')]))
  return Object.fromEntries(rows.map(([line, state]) => [Number(line), String(state)]))
}

async function verdicts(page: Page): Promise<Record<number, string>> {
  const rows = await page
    .locator('.mc-batch-report__row')
    .evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-line'), element.getAttribute('data-verdict')]))
  return Object.fromEntries(rows.map(([line, verdict]) => [Number(line), String(verdict)]))
}

test('a pasted batch is previewed line by line, submitted in chunks, reported, fixed and resubmitted', async () => {
  // sf-normal: picked up at minute 20, departed at 120 — the shopper will see those scans.
  world.sandbox.assignScenario('SF1400000007001', 'sf-normal')
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${h5.url}/#/merchant/pages/batch/index?as=${MERCHANT}`)

  // The desktop console uses the width: the sidebar sits beside the content, not above it.
  await page.locator('.mc-shell__side').waitFor()
  const side = await page.locator('.mc-shell__side').boundingBox()
  const main = await page.locator('.mc-shell__main').boundingBox()
  expect(side && main && side.height > 600 && main.x >= side.x + side.width && main.width > 900).toBe(true)

  const text = ['订单号,运单号,快递公司,手机尾号', ...pastedLines().slice(0, 11), '', ...pastedLines().slice(11)].join('\n')
  await page.locator('.mc-batch__textarea textarea').fill(text)
  await page.getByText('预览校验').click()
  await waitFor(async () => (await page.locator('.mc-batch-preview__row').count()) === 20 || undefined, '20 preview rows', 20_000)

  // Line numbers are the text box's: the header is line 1 and the blank line 13.
  const states = await rowStates(page)
  const expectedStates: Record<number, string> = {
    2: 'ready',
    3: 'ready',
    4: 'ready',
    5: 'ready',
    6: 'ready',
    7: 'ready',
    8: 'ready',
    9: 'ready',
    10: 'ready',
    11: 'ready',
    12: 'ready',
    14: 'needs_carrier',
    15: 'error',
    16: 'error',
    17: 'skipped',
    18: 'error',
    19: 'ready',
    20: 'error',
    21: 'ready',
    22: 'ready',
  }
  expect(states).toEqual(expectedStates)
  const preview = page.locator('.mc-batch__preview')
  await expect(preview.textContent()).resolves.toContain(`该运单号已用于订单 ${taken}`)
  await expect(preview.textContent()).resolves.toContain('与第 2 行重复，只提交一次')
  await expect(preview.textContent()).resolves.toContain('可能是 顺丰速运 / 安能快递，请选择')
  expect(await page.locator('.mc-batch__summary').textContent()).toBe('共 20 行：可提交 14 行，需处理 5 行')
  // Nothing was written by the preview.
  expect(await parcel('SF:SF1400000007001')).toBeNull()

  // The merchant settles the ambiguous number; the line is rewritten with the carrier.
  await page.locator('.mc-batch-preview__row[data-line="14"] .mc-batch-preview__choice', { hasText: '安能快递' }).click()
  await waitFor(async () => (await rowStates(page))[14] === 'ready' || undefined, 'line 14 ready')
  expect(await page.locator('.mc-batch__textarea textarea').inputValue()).toContain(`${orders[11]},123456789012,ANE`)

  await page.locator('.mc-batch__submit').click()
  await waitFor(async () => (await page.locator('.mc-batch-report__row').count()) === 20 || undefined, 'the per-line report', 30_000)
  expect(await verdicts(page)).toEqual({
    2: 'created',
    3: 'created',
    4: 'created',
    5: 'created',
    6: 'created',
    7: 'created',
    8: 'created',
    9: 'created',
    10: 'created',
    11: 'created',
    12: 'created',
    14: 'created',
    15: 'not_submitted',
    16: 'not_submitted',
    17: 'skipped',
    18: 'not_submitted',
    19: 'created',
    20: 'not_submitted',
    21: 'created',
    22: 'created',
  })
  expect(await parcel('ANE:123456789012')).toMatchObject({ orderId: orders[11] })
  expect(await parcel('SF:SF1400000007017')).toMatchObject({ orderId: orders[14], phoneTail: '5678' })
  expect(await parcel('ZTO:78912345670020')).toMatchObject({ orderId: orders[13] })
  expect(await parcel('YTO:YT1400000007999')).toMatchObject({ orderId: taken })

  // The report is copied as text.
  await page.getByText('复制结果').click()
  const copied = await page.evaluate(() => Object.values(window.localStorage).find((value) => value.includes('批量发货结果')) ?? '')
  expect(copied).toContain('批量发货结果：共 20 行，成功 15 行（新录入 15，已录入过 0），失败 4 行，重复跳过 1 行')

  // The failed lines come back alone; the merchant fixes them (and re-pastes one that went through).
  await page.getByText('修改失败行后重新提交').click()
  await waitFor(async () => (await page.locator('.mc-batch-preview__row').count()) === 4 || undefined, 'the four failed lines')
  const failedText = await page.locator('.mc-batch__textarea textarea').inputValue()
  expect(failedText.split('\n')).toEqual([pastedLines()[12], pastedLines()[13], pastedLines()[15], pastedLines()[17]])
  const before = await parcel('YTO:YT1400000007002')
  await page
    .locator('.mc-batch__textarea textarea')
    .fill(
      [
        `${orders[12]},YT1400000007013`,
        `${orders[16]},${number(14)}`,
        `${orders[15]},${number(18)},圆通`,
        `${orders[1]},${number(2)}`,
      ].join('\n'),
    )
  await page.getByText('预览校验').click()
  await waitFor(async () => (await rowStates(page))[4] !== undefined || undefined, 'the fixed preview')
  expect(await rowStates(page)).toEqual({ 1: 'ready', 2: 'ready', 3: 'ready', 4: 'ready' })
  await expect(page.locator('.mc-batch-preview__row[data-line="4"]').textContent()).resolves.toContain('此前已录入，提交后不会重复创建')
  await page.locator('.mc-batch__submit').click()
  await waitFor(async () => (await page.locator('.mc-batch-report__row').count()) === 4 || undefined, 'the second report', 30_000)
  expect(await verdicts(page)).toEqual({ 1: 'created', 2: 'created', 3: 'created', 4: 'unchanged' })
  // Submitting a line that went through again wrote nothing.
  expect(await parcel('YTO:YT1400000007002')).toEqual(before)
  expect(pageErrors).toEqual([])
  await page.screenshot({ path: 'test-results/e2e-merchant-batch.png', fullPage: true })
  await context.close()

  // The shopper's tracking page of the first order shows the parcel and its scans.
  await world.clock.advance(130 * MINUTE)
  await world.cloud.idle()
  await waitFor(async () => ((await parcel('SF:SF1400000007001'))?.events.length ?? 0) >= 2 || undefined, 'the first scans stored', 20_000)
  const shopper = await (await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 })).newPage()
  await shopper.goto(`${h5.url}/#/pages/order/detail?id=${orders[0]}&as=${SHOPPER}`)
  await shopper.locator('.ps-timeline__text').first().waitFor({ timeout: 20_000 })
  expect(await shopper.locator('.ps-page').textContent()).toContain('SF1400000007001')
  expect(await shopper.locator('.ps-timeline__text').count()).toBe(2)
  await shopper.context().close()
})

test('a CSV exported by Excel on Chinese Windows (GBK) is uploaded, decoded and previewed', async () => {
  // "订单号,运单号,快递公司" and "顺丰" as GBK bytes: not valid UTF-8, so the page falls back to GB18030.
  const gbk = (hex: string) => Buffer.from(hex, 'hex')
  const csv = Buffer.concat([
    gbk('b6a9b5a5bac52cd4cbb5a5bac52cbfecb5ddb9abcbbe'),
    Buffer.from('\r\n'),
    Buffer.from(`${orders[16]},SF1400000007031,`),
    gbk('cbb3b7e1'),
    Buffer.from(',5678\r\n'),
  ])
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  await page.goto(`${h5.url}/#/merchant/pages/batch/index?as=${MERCHANT}`)
  const chooser = page.waitForEvent('filechooser')
  await page.getByText('上传文件').click()
  await (await chooser).setFiles({ name: '发货.csv', mimeType: 'text/csv', buffer: csv })
  await waitFor(
    async () => (await page.locator('.mc-batch-preview__row').count()) === 1 || undefined,
    'the uploaded line previewed',
    20_000,
  )
  expect(await page.locator('.mc-batch__textarea textarea').inputValue()).toBe(
    `订单号,运单号,快递公司\n${orders[16]},SF1400000007031,顺丰,5678\n`,
  )
  expect(await rowStates(page)).toEqual({ 2: 'ready' })
  expect(await page.locator('.mc-batch-preview__row[data-line="2"]').textContent()).toContain('顺丰速运')
  await context.close()
})

test('the 商家 tab is there for a merchant only, and a shopper who opens the console is refused', async () => {
  const tabs = async (openid: string) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } })
    const page = await context.newPage()
    const answered = page.waitForResponse(
      (response) => response.url().startsWith(world.cloud.url) && (response.request().postData() ?? '').includes('merchantConsole'),
    )
    await page.goto(`${h5.url}/#/pages/orders/index?as=${openid}`)
    await answered
    await page.locator('.ps-tab-bar__item').first().waitFor()
    return { page, context }
  }

  const merchant = await tabs(MERCHANT)
  await merchant.page.locator('.ps-tab-bar__item', { hasText: '商家' }).waitFor()
  expect(await merchant.page.locator('.ps-tab-bar__text').allTextContents()).toEqual(['商城', '我的订单', '商家'])
  await merchant.page.locator('.ps-tab-bar__item', { hasText: '商家' }).click()
  await merchant.page.locator('.mc-home__stat').first().waitFor({ timeout: 20_000 })
  await merchant.context.close()

  const shopper = await tabs(SHOPPER)
  // The session answer has arrived (awaited above); one more frame for React to render what it said.
  await shopper.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  expect(await shopper.page.locator('.ps-tab-bar__text').allTextContents()).toEqual(['商城', '我的订单'])
  await shopper.page.goto(`${h5.url}/#/merchant/pages/to-ship/index?as=${SHOPPER}`)
  await shopper.page.getByText('仅商家可使用').waitFor({ timeout: 20_000 })
  expect(await shopper.page.locator('.mc-to-ship__row').count()).toBe(0)
  await shopper.context.close()
})
