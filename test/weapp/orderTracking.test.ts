/**
 * @jest-environment ./test/weapp/weappEnvironment.js
 */
// The tracking page on the real weapp build, against a real local cloud: reads under the security
// rules, the realtime watch, copy and call, and the hide/show watcher lifecycle.
import type { DevCloud, Doc } from '../../dev/cloud'
import type { ParcelDoc } from '../../core/api'
import { startTestCloud } from '../support/devcloud'
import {
  DELIVERED_SCAN,
  FIXTURE_COURIER_PHONE,
  fixtureOrder,
  fixtureParcel,
  OUT_FOR_DELIVERY_SCAN,
  SCANS_TO_DEST_CITY,
} from '../../miniprogram/src/testing/trackingFixtures'
import { firePageEvent, mountPage, textOf, unmountPage, waitFor, type Page } from './harness'
import { installWxCloud } from './wxCloudStandIn'
import { installWxSpies } from './wxSpies'

const wxCloud = installWxCloud()
const spies = installWxSpies()
const ROUTE = 'pages/order/detail'

let cloud: DevCloud
const now = Date.now()

async function put(collection: string, doc: object): Promise<void> {
  await cloud.db.put(collection, doc as Doc)
}

/** Timeline texts as the shopper reads them, newest first (the DOM is oldest first, see Timeline.tsx). */
function rowTexts(page: Page): string[] {
  return page
    .querySelectorAll('.ps-timeline__text')
    .map((row) => row.dom.textContent ?? '')
    .reverse()
}

beforeAll(async () => {
  cloud = await startTestCloud()
  wxCloud.connect({ url: cloud.url, envId: cloud.envId, openid: 'dev-shopper' })
})
afterAll(async () => {
  // Let every watcher finish closing before the cloud goes away, so no SDK retry outlives the file.
  await waitFor(() => wxCloud.openWatchers() === 0, 'all watchers closed')
  await cloud?.idle()
  await cloud?.close()
})

describe('order tracking page (weapp build, local cloud)', () => {
  let page: Page | null = null
  afterEach(async () => {
    if (page) unmountPage(page)
    page = null
    await waitFor(() => wxCloud.openWatchers() === 0, "the page's watcher to close")
  })

  it("renders the parcel's events from the cloud, newest first", async () => {
    const parcel = fixtureParcel(now, { orderId: 'order-transit', scans: SCANS_TO_DEST_CITY, etaInHours: 20 })
    await put('parcels', parcel)
    await put('orders', fixtureOrder(now, 'order-transit', [parcel]))

    page = mountPage(ROUTE, { id: 'order-transit' })
    await waitFor(() => rowTexts(page!).length > 0, 'timeline rows')
    expect(page.querySelector('.ps-status-header__title')?.dom.textContent).toBe('运输中')
    expect(rowTexts(page)[0]).toBe('快件到达【上海徐汇营业部】')
    expect(rowTexts(page)).toHaveLength(6)
    expect(textOf(page)).toContain('预计明天送达')
    expect(textOf(page)).toContain(parcel.trackingNo)
  })

  it('applies a watch change without a reload, then copy and call work', async () => {
    const parcel = fixtureParcel(now, { orderId: 'order-live', scans: SCANS_TO_DEST_CITY })
    await put('parcels', parcel)
    await put('orders', fixtureOrder(now, 'order-live', [parcel]))
    page = mountPage(ROUTE, { id: 'order-live' })
    await waitFor(() => rowTexts(page!).length === 6, 'the first six scans')
    await waitFor(() => textOf(page!).includes('实时更新中'), 'the watch to go live')
    const reads = wxCloud.watchesOpened()

    const moved = {
      ...fixtureParcel(now, { orderId: 'order-live', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN] }),
      version: parcel.version + 1,
    }
    await put('parcels', moved)
    await waitFor(() => rowTexts(page!)[0] === OUT_FOR_DELIVERY_SCAN.text, 'the pushed scan at the top')
    expect(page.querySelector('.ps-status-header__title')?.dom.textContent).toBe('派送中')
    expect(page.querySelectorAll('.ps-timeline__row--latest')).toHaveLength(1)
    expect(wxCloud.watchesOpened()).toBe(reads)

    page.querySelector('.ps-carrier-card__copy')!.dispatchEvent('tap')
    await waitFor(() => spies.setClipboardData.mock.calls.length > 0, 'setClipboardData')
    expect(spies.setClipboardData.mock.calls[0]?.[0]).toMatchObject({ data: parcel.trackingNo })

    expect(textOf(page)).toContain('138****8000')
    expect(textOf(page)).not.toContain(FIXTURE_COURIER_PHONE)
    page.querySelector('.ps-carrier-card__contact')!.dispatchEvent('tap')
    await waitFor(() => spies.makePhoneCall.mock.calls.length > 0, 'makePhoneCall')
    expect(spies.makePhoneCall.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: FIXTURE_COURIER_PHONE })
  })

  it('closes the watcher on hide, and on show rebuilds it and reads what changed meanwhile', async () => {
    const parcel = fixtureParcel(now, { orderId: 'order-hide', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN] })
    await put('parcels', parcel)
    await put('orders', fixtureOrder(now, 'order-hide', [parcel]))
    page = mountPage(ROUTE, { id: 'order-hide' })
    await waitFor(() => textOf(page!).includes('实时更新中'), 'the watch to go live')
    expect(wxCloud.openWatchers()).toBe(1)

    firePageEvent(page, 'onHide')
    await waitFor(() => wxCloud.openWatchers() === 0, 'the watcher to close')
    const delivered: ParcelDoc = {
      ...fixtureParcel(now, { orderId: 'order-hide', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN, DELIVERED_SCAN] }),
      version: parcel.version + 1,
    }
    await put('parcels', delivered)
    await cloud.idle()
    expect(rowTexts(page)[0]).toBe(OUT_FOR_DELIVERY_SCAN.text)

    const opened = wxCloud.watchesOpened()
    firePageEvent(page, 'onShow')
    await waitFor(() => rowTexts(page!)[0] === DELIVERED_SCAN.text, 'the scan made while hidden')
    await waitFor(() => textOf(page!).includes('实时更新中'), 'the rebuilt watch to go live')
    expect(wxCloud.watchesOpened()).toBe(opened + 1)
    expect(wxCloud.openWatchers()).toBe(1)
    expect(page.querySelector('.ps-status-header__title')?.dom.textContent).toBe('已签收')

    unmountPage(page)
    page = null
    await waitFor(() => wxCloud.openWatchers() === 0, 'the watcher to close on unload')
  })

  it('says "not shipped yet" for a paid order and shows its first parcel live when it ships', async () => {
    await put('orders', fixtureOrder(now, 'order-paid', []))
    page = mountPage(ROUTE, { id: 'order-paid' })
    await waitFor(() => textOf(page!).includes('商家正在备货'), 'the not-shipped state')
    await waitFor(() => textOf(page!).includes('实时更新中'), 'the watch to go live')
    await put('parcels', fixtureParcel(now, { orderId: 'order-paid', scans: [] }))
    await waitFor(() => textOf(page!).includes('已发货，等待快递揽收'), 'the shipped-without-scans state')
  })

  it("shows another shopper's order as not found", async () => {
    await put('orders', fixtureOrder(now, 'order-of-someone-else', [], { openid: 'dev-shopper-2' }))
    page = mountPage(ROUTE, { id: 'order-of-someone-else' })
    await waitFor(() => textOf(page!).includes('没有找到这个订单'), 'the not-found state')
  })
})
