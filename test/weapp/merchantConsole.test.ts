/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// The merchant console on the real weapp build (the `merchant` subpackage) against a real local
// cloud running the real functions: the 商家 tab for a merchant, detection as the number is typed,
// a scanned waybill (wx.scanCode answering CODE_128), a split shipment and a correction, and the
// batch preview before anything is written.
import type { Doc } from '../../dev/cloud'
import type { OrderDoc, ParcelDoc } from '../../core/api'
import { demoDeliveredParcels, demoTroubledParcels } from '../../miniprogram/src/merchant/testing/merchantFixtures'
import { MERCHANT, RECEIVER, SHOPPER, startMerchantWorld, type MerchantWorld } from '../e2e/merchantWorld'
import { mountPage, textOf, unmountPage, waitFor, type Page, mountTabBar } from './harness'
import { installWxCloud } from './wxCloudStandIn'
import { installWxSpies } from './wxSpies'
import { nth } from '../support/nth'

const wxCloud = installWxCloud()
const spies = installWxSpies()
const SCANNED = 'SF1400000000931'
/** The camera, as the base library answers a waybill scan. */
const scanCode = jest.fn((options: { success?: (result: unknown) => void; complete?: (result: unknown) => void }) => {
  const result = {
    result: SCANNED,
    scanType: 'CODE_128',
    charSet: 'UTF-8',
    rawData: Buffer.from(SCANNED).toString('base64'),
    errMsg: 'scanCode:ok',
  }
  options.success?.(result)
  options.complete?.(result)
})
;(globalThis as unknown as { wx: Record<string, unknown> }).wx.scanCode = scanCode

let world: MerchantWorld
let page: Page | null = null

beforeAll(async () => {
  world = await startMerchantWorld()
  wxCloud.connect({ url: world.cloud.url, envId: world.cloud.envId, openid: MERCHANT })
})
afterEach(() => {
  if (page) unmountPage(page)
  page = null
})
afterAll(async () => {
  await world?.cloud.idle()
  await world?.close()
})

function one(target: Page, selector: string): Page {
  const found = target.querySelector(selector)
  if (!found) throw new Error(`nothing matches ${selector}`)
  return found
}
const type = (target: Page, selector: string, value: string) => one(target, selector).dispatchEvent('input', { detail: { value } })
const tap = (target: Page, selector: string) => one(target, selector).dispatchEvent('tap')
/** Buttons are found by what they say, the way the merchant finds them. */
function button(target: Page, text: string, index = 0): Page {
  const found = target.querySelectorAll('.mc-button').filter((candidate) => candidate.dom.textContent === text)[index]
  if (!found) throw new Error(`no button ${text}`)
  return found
}
const feedback = (target: Page) => target.querySelector('.mc-number-field__feedback')?.dom.textContent ?? ''
const stored = async <T>(collection: string, id: string) => (await world.cloud.db.get(collection, id)) as unknown as T | null

async function shipPage(orderId: string): Promise<Page> {
  const mounted = mountPage('merchant/pages/ship/index', { orderId })
  await waitFor(() => textOf(mounted).includes('确认发货'), 'the ship form', 15_000)
  return mounted
}

describe('merchant console (weapp build, local cloud)', () => {
  it('shows the 商家 tab to a merchant', async () => {
    page = mountTabBar()
    await waitFor(() => page!.querySelectorAll('.ps-tab-bar__item').length === 3, 'three tabs', 15_000)
    expect(textOf(page)).toBe('商城我的订单商家')
    nth(page.querySelectorAll('.ps-tab-bar__item'), 2).dispatchEvent('tap')
    await waitFor(() => spies.navigateTo.mock.calls.length > 0, 'navigateTo')
    expect(spies.navigateTo.mock.calls[0]?.[0]).toMatchObject({ url: '/merchant/pages/index/index' })
  })

  it('detects the carrier as the number is typed, prefills the phone tail, scans a waybill and records it', async () => {
    const orderId = await world.placeOrder()
    page = await shipPage(orderId)
    type(page, '.mc-number-field__input', 'sf14')
    await waitFor(() => feedback(page!) === '单号至少 6 位', 'the too-short hint')
    type(page, '.mc-number-field__input', 'yt 1400-0000 00772')
    await waitFor(() => feedback(page!).includes('已识别：圆通速递'), 'YTO detected')
    expect(textOf(page)).toContain('将录入为 YT1400000000772')
    type(page, '.mc-number-field__input', '123456789012')
    await waitFor(() => feedback(page!).includes('这个单号可能属于多家快递'), 'the ambiguity')
    expect(page.querySelectorAll('.mc-carrier-chooser__chip').map((chip) => chip.dom.textContent)).toEqual(['顺丰速运', '安能快递'])

    tap(page, '.mc-number-field__scan')
    await waitFor(() => feedback(page!).includes('已识别：顺丰速运'), 'the scanned number detected as SF')
    expect(scanCode).toHaveBeenCalledTimes(1)
    expect(scanCode.mock.calls[0]?.[0]).toMatchObject({ onlyFromCamera: true, scanType: ['barCode'] })
    // SF needs the phone tail: prefilled from the receiver's masked phone 138****5678.
    expect(textOf(page)).toContain('已按收件人手机预填')

    tap(page, '.mc-ship__submit')
    await waitFor(() => textOf(page!).includes('包裹1已录入，已开始跟踪'), 'the parcel recorded', 15_000)
    await waitFor(() => page!.querySelectorAll('.mc-parcel-row').length === 1, 'the parcel row')
    expect(textOf(one(page, '.mc-parcel-row'))).toContain(SCANNED)
    expect(await stored<ParcelDoc>('parcels', `SF:${SCANNED}`)).toMatchObject({
      orderId,
      carrier: 'SF',
      trackingNo: SCANNED,
      phoneTail: '5678',
      subscription: { state: 'subscribed' },
    })
  })

  it("ships an order in two parcels with item allocation, then corrects the second parcel's carrier", async () => {
    const orderId = await world.placeOrder(undefined, [
      { productId: 'prod-longjing-tea', quantity: 1 },
      { productId: 'prod-ceramic-mug', quantity: 2 },
    ])
    page = await shipPage(orderId)
    type(page, '.mc-number-field__input', 'YT1400000000932')
    await waitFor(() => page!.querySelectorAll('.mc-allocation__row').length === 2, 'the allocation rows')
    // Two mugs in the first parcel: the steppers are tea −, tea +, mug −, mug +.
    const mugPlus = () => page!.querySelectorAll('.mc-allocation__step')[3]
    mugPlus()?.dispatchEvent('tap')
    await waitFor(() => page!.querySelectorAll('.mc-allocation__quantity')[1]?.dom.textContent === '1', 'one mug')
    mugPlus()?.dispatchEvent('tap')
    await waitFor(() => page!.querySelectorAll('.mc-allocation__quantity')[1]?.dom.textContent === '2', 'two mugs')
    tap(page, '.mc-ship__submit')
    await waitFor(() => page!.querySelectorAll('.mc-parcel-row').length === 1, 'parcel 1')
    expect((await stored<OrderDoc>('orders', orderId))?.status).toBe('PARTIALLY_SHIPPED')
    expect((await stored<ParcelDoc>('parcels', 'YTO:YT1400000000932'))?.items).toEqual([
      { productId: 'prod-ceramic-mug', title: '景德镇手绘马克杯', quantity: 2 },
    ])

    // The rest of the order (the tea) goes in the second parcel, typed under the wrong carrier.
    await waitFor(() => textOf(page!).includes('剩余 1 / 1'), 'only the tea left')
    type(page, '.mc-number-field__input', 'YT1400000000933')
    await waitFor(() => feedback(page!).includes('已识别：圆通速递'), 'YTO detected')
    tap(page, '.mc-ship__submit')
    await waitFor(() => page!.querySelectorAll('.mc-parcel-row').length === 2, 'parcel 2')
    expect((await stored<OrderDoc>('orders', orderId))?.status).toBe('SHIPPED')

    // It was a ZTO waybill: correct parcel 2's number and carrier.
    button(page, '更正', 1).dispatchEvent('tap')
    await waitFor(() => textOf(page!).includes('更正包裹2的运单'), 'the correction form')
    expect(feedback(page)).toContain('已选择：圆通速递')
    type(page, '.mc-number-field__input', '78912345678933')
    await waitFor(() => feedback(page!).includes('单号格式更像 中通快递，确认是 圆通速递 吗？'), 'the mismatch warning')
    tap(page, '.mc-number-field__change')
    await waitFor(() => page!.querySelectorAll('.mc-carrier-chooser__chip').length > 5, 'every carrier offered')
    page
      .querySelectorAll('.mc-carrier-chooser__chip')
      .find((chip) => chip.dom.textContent === '中通快递')!
      .dispatchEvent('tap')
    await waitFor(() => feedback(page!) === '已选择：中通快递更换', 'ZTO picked, no warning')
    tap(page, '.mc-ship__submit')
    await waitFor(() => textOf(page!).includes('已更正，旧运单已停止跟踪'), 'the correction recorded', 15_000)
    await waitFor(() => page!.querySelectorAll('.mc-parcel-row--superseded').length === 1, 'the superseded row')

    expect(await stored<ParcelDoc>('parcels', 'YTO:YT1400000000933')).toMatchObject({
      supersededBy: 'ZTO:78912345678933',
      subscription: { state: 'stopped' },
    })
    expect(await stored<ParcelDoc>('parcels', 'ZTO:78912345678933')).toMatchObject({
      seq: 2,
      supersededBy: null,
      subscription: { state: 'subscribed' },
    })
    expect(textOf(one(page, '.mc-parcel-row--superseded'))).toContain('已被 78912345678933 取代')
  })

  it('previews a pasted batch line by line before writing anything, then submits what is ready', async () => {
    const [a, b, c] = [await world.placeOrder(), await world.placeOrder(), await world.placeOrder()]
    const taken = await world.placeOrder()
    await world.cloud.invoke('backfillTracking', { entries: [{ orderId: taken, trackingNo: 'YT1400000000949' }] }, { openid: MERCHANT })
    const before = (await world.cloud.db.list('parcels')).length
    page = mountPage('merchant/pages/batch/index')
    await waitFor(() => textOf(page!).includes('预览校验'), 'the batch form', 15_000)
    type(
      page,
      '.mc-batch__textarea',
      [
        '订单号，运单号，快递公司',
        `${a},YT1400000000941`,
        `${b}\t123456789012`,
        `${c},ABC`,
        `${a}，yt1400000000941`,
        `${c},YT1400000000949`,
        '',
        `订单1,YT1400000000942`,
      ].join('\n'),
    )
    button(page, '预览校验').dispatchEvent('tap')
    await waitFor(() => page!.querySelectorAll('.mc-batch-preview__row').length === 6, 'six preview rows', 15_000)
    expect(textOf(one(page, '.mc-batch__summary'))).toBe('共 6 行：可提交 1 行，需处理 4 行')
    const verdicts = page
      .querySelectorAll('.mc-batch-preview__row')
      .map((row) => ['可提交', '需选择快递', '有错误', '重复，跳过'].find((label) => textOf(row).includes(label)))
    expect(verdicts).toEqual(['可提交', '需选择快递', '有错误', '重复，跳过', '有错误', '有错误'])
    expect(textOf(page)).toContain(`该运单号已用于订单 ${taken}`)
    expect(textOf(page)).toContain('与第 2 行重复，只提交一次')
    expect(textOf(page)).toContain('订单号“订单1”格式不正确')
    // Nothing is written by a preview.
    expect((await world.cloud.db.list('parcels')).length).toBe(before)

    page
      .querySelectorAll('.mc-batch-preview__choice')
      .find((choice) => choice.dom.textContent === '安能快递')!
      .dispatchEvent('tap')
    await waitFor(() => textOf(one(page!, '.mc-batch__summary')) === '共 6 行：可提交 2 行，需处理 3 行', 'the picked line ready')
    tap(page, '.mc-batch__submit')
    await waitFor(() => page!.querySelectorAll('.mc-batch-report__row').length === 6, 'the report', 15_000)
    expect(await stored<ParcelDoc>('parcels', 'YTO:YT1400000000941')).toMatchObject({ orderId: a })
    expect(await stored<ParcelDoc>('parcels', 'ANE:123456789012')).toMatchObject({ orderId: b })
    expect((await world.cloud.db.list('parcels')).length).toBe(before + 2)

    button(page, '复制结果').dispatchEvent('tap')
    await waitFor(() => spies.setClipboardData.mock.calls.length > 0, 'the report copied')
    const report = (spies.setClipboardData.mock.calls[0]?.[0] as { data: string }).data
    expect(report.split('\n')[0]).toBe('批量发货结果：共 6 行，成功 2 行（新录入 2，已录入过 0），失败 3 行，重复跳过 1 行')
  })

  it('lists the orders to ship 20 at a time, finds one by phone tail, and opens it for shipping', async () => {
    for (let index = 0; index < 21; index += 1) await world.placeOrder()
    const wanted = await world.placeOrder(SHOPPER, undefined, { ...RECEIVER, userName: '查找测试', telNumber: '13800009911' })
    page = mountPage('merchant/pages/to-ship/index')
    await waitFor(() => page!.querySelectorAll('.mc-to-ship__row').length === 20, 'the first page of 20', 15_000)
    button(page, '加载更多').dispatchEvent('tap')
    await waitFor(() => page!.querySelectorAll('.mc-to-ship__row').length > 20, 'the next page', 15_000)

    type(page, '.mc-to-ship__input', '9911')
    button(page, '搜索').dispatchEvent('tap')
    await waitFor(() => page!.querySelectorAll('.mc-to-ship__row').length === 1, 'one match', 15_000)
    expect(textOf(one(page, '.mc-to-ship__row'))).toContain('查找测试')
    expect(textOf(one(page, '.mc-to-ship__row'))).toContain('138****9911')
    const before = spies.navigateTo.mock.calls.length
    one(page, '.mc-to-ship__row').dispatchEvent('tap')
    await waitFor(() => spies.navigateTo.mock.calls.length > before, 'navigateTo the ship page')
    expect(spies.navigateTo.mock.calls[before]?.[0]).toMatchObject({ url: `/merchant/pages/ship/index?orderId=${wanted}` })
  })

  it('shows the parcels that need a human, and asks the carrier about one now', async () => {
    const now = Date.now()
    for (const parcel of demoTroubledParcels(now)) await world.cloud.db.put('parcels', parcel as unknown as Doc)
    page = mountPage('merchant/pages/exceptions/index')
    await waitFor(() => page!.querySelectorAll('.mc-exception').length === 5, 'five parcels in trouble', 15_000)
    expect(textOf(page)).toContain('超48小时无更新')
    expect(textOf(nth(page.querySelectorAll('.mc-exception'), 0))).toContain('78912345670001')
    const calls = wxCloud.functionCalls.length
    button(page, '立即查询').dispatchEvent('tap')
    await waitFor(() => spies.showToast.mock.calls.length > 0, 'the answer as a toast', 15_000)
    expect(wxCloud.functionCalls.slice(calls)[0]).toEqual({
      name: 'merchantConsole',
      data: { action: 'refreshParcel', parcelId: 'ZTO:78912345670001' },
    })
  })

  it('draws delivery time and exception rate per carrier and province', async () => {
    for (const parcel of demoDeliveredParcels(Date.now())) await world.cloud.db.put('parcels', parcel as unknown as Doc)
    page = mountPage('merchant/pages/performance/index')
    await waitFor(() => page!.querySelectorAll('.mc-performance__row').length > 5, 'the tables', 15_000)
    const names = page.querySelectorAll('.mc-performance__name').map((cell) => cell.dom.textContent)
    expect(names).toEqual(expect.arrayContaining(['中通快递', '顺丰速运', '京东快递', '浙江省', '新疆维吾尔自治区']))
    expect(page.querySelectorAll('.mc-performance__bar--median').length).toBeGreaterThan(5)
  })
})
