// Documents typed by core/api for tests, the weapp/e2e suites and the screenshot script: a shopper's
// order and its parcels at each stage of a delivery. Not imported by any page. No real people:
// names are placeholders and every phone number is a reserved test number.
import type { OrderDoc, OrderItem, ParcelDoc, ParcelItem } from '@core/api'
import type { CarrierCode } from '@core/carriers'
import { deriveStatus } from '@core/tracking/deriveStatus'
import type { SubStatus } from '@core/tracking/subStatuses'
import type { UnifiedStatus } from '@core/tracking/statuses'
import type { CourierInfo, TrackingEvent } from '@core/tracking/trackingEvent'
import dayjs from 'dayjs'
import { createHash } from 'node:crypto'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

const MIN = 60_000
const HOUR = 60 * MIN

export const FIXTURE_OPENID = 'dev-shopper'
/** A reserved test number, never a person's. */
export const FIXTURE_COURIER_PHONE = '13800138000'

export interface ScanSpec {
  /** Minutes before `now`. */
  minutesAgo: number
  text: string
  location?: string
  status: UnifiedStatus
  subStatus?: SubStatus
  courier?: CourierInfo
}

/** The same scan gets the same id in every fixture built from it, as a real event id is stable. */
function eventId(scan: ScanSpec): string {
  return createHash('sha256').update(`${scan.minutesAgo}|${scan.text}`, 'utf8').digest('hex').slice(0, 32)
}

export function fixtureEvents(now: number, scans: ScanSpec[]): TrackingEvent[] {
  return scans
    .map((scan): TrackingEvent => {
      const at = now - scan.minutesAgo * MIN
      return {
        id: eventId(scan),
        at,
        zone: 'assumed:Asia/Shanghai',
        localTime: dayjs(at).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm:ss'),
        text: scan.text,
        status: scan.status,
        vendor: 'kdniao',
        ...(scan.location ? { location: scan.location } : {}),
        ...(scan.subStatus ? { subStatus: scan.subStatus } : {}),
        ...(scan.courier ? { courier: scan.courier } : {}),
      }
    })
    .sort((a, b) => b.at - a.at)
}

/** The common first half of a Hangzhou → Shanghai trip, newest last in this list. */
export const SCANS_TO_DEST_CITY: ScanSpec[] = [
  { minutesAgo: 26 * 60, text: '【杭州市】顺丰速运 已收取快件', location: '杭州市', status: 'PICKED_UP' },
  { minutesAgo: 23 * 60, text: '快件到达【杭州余杭集散中心】', location: '杭州市', status: 'IN_TRANSIT', subStatus: 'AT_HUB' },
  {
    minutesAgo: 22 * 60,
    text: '快件已从【杭州余杭集散中心】发出，准备发往【上海青浦集散中心】',
    location: '杭州市',
    status: 'IN_TRANSIT',
    subStatus: 'DEPARTED',
  },
  { minutesAgo: 15 * 60, text: '快件到达【上海青浦集散中心】', location: '上海市', status: 'IN_TRANSIT', subStatus: 'AT_HUB' },
  {
    minutesAgo: 12 * 60,
    text: '快件已从【上海青浦集散中心】发出，准备发往【上海徐汇营业部】',
    location: '上海市',
    status: 'IN_TRANSIT',
    subStatus: 'DEPARTED',
  },
  { minutesAgo: 3 * 60, text: '快件到达【上海徐汇营业部】', location: '上海市', status: 'IN_TRANSIT', subStatus: 'ARRIVED_DEST_CITY' },
]

export const OUT_FOR_DELIVERY_SCAN: ScanSpec = {
  minutesAgo: 40,
  text: '快件交给张师傅，正在派送途中（联系电话：138****8000）',
  location: '上海市',
  status: 'OUT_FOR_DELIVERY',
  courier: { kind: 'courier', name: '张师傅', phone: FIXTURE_COURIER_PHONE },
}

export const DELIVERED_SCAN: ScanSpec = {
  minutesAgo: 8,
  text: '您的快件已签收，签收人：本人。感谢使用顺丰，期待再次为您服务',
  location: '上海市',
  status: 'DELIVERED',
  subStatus: 'SIGNED_SELF',
}

export const FAILED_DELIVERY_SCAN: ScanSpec = {
  minutesAgo: 25,
  text: '快件派送不成功（收件人电话无人接听），待再次派送（派件员：张师傅 138****8000）',
  location: '上海市',
  status: 'DELIVERY_FAILED',
  subStatus: 'UNREACHABLE',
  courier: { kind: 'courier', name: '张师傅', phone: FIXTURE_COURIER_PHONE },
}

export const FIXTURE_ITEMS: OrderItem[] = [
  { productId: 'prod-longjing-tea', title: '明前龙井 250g', priceFen: 16800, quantity: 1, image: '/assets/products/longjing-tea.png' },
  { productId: 'prod-ceramic-mug', title: '景德镇手绘马克杯', priceFen: 6900, quantity: 2, image: '/assets/products/ceramic-mug.png' },
]

export interface ParcelSpec {
  orderId: string
  seq?: number
  carrier?: CarrierCode
  trackingNo?: string
  scans?: ScanSpec[]
  items?: ParcelItem[]
  openid?: string
  /** Minutes before now the vendor was last asked (null: never). */
  checkedMinutesAgo?: number | null
  etaInHours?: number
}

/** A number unique per order and seq, so fixtures for different orders never share a parcel id. */
function defaultTrackingNo(orderId: string, seq: number): string {
  let hash = 7
  for (const char of `${orderId}#${seq}`) hash = (hash * 131 + char.charCodeAt(0)) % 100_000_000_000
  return `SF14${String(hash).padStart(11, '0')}`
}

export function fixtureParcel(now: number, spec: ParcelSpec): ParcelDoc {
  const carrier = spec.carrier ?? 'SF'
  const trackingNo = spec.trackingNo ?? defaultTrackingNo(spec.orderId, spec.seq ?? 1)
  const events = fixtureEvents(now, spec.scans ?? [])
  const eta =
    spec.etaInHours === undefined
      ? null
      : {
          at: now + spec.etaInHours * HOUR,
          zone: 'assumed:Asia/Shanghai' as const,
          localTime: dayjs(now + spec.etaInHours * HOUR)
            .tz('Asia/Shanghai')
            .format('YYYY-MM-DD HH:mm:ss'),
          vendor: 'kdniao' as const,
          asOf: events[0]?.at ?? null,
        }
  const shippedAt = now - 30 * HOUR
  const checked = spec.checkedMinutesAgo === undefined ? 5 : spec.checkedMinutesAgo
  const derived = deriveStatus(events, [])
  return {
    _id: `${carrier}:${trackingNo}`,
    _openid: spec.openid ?? FIXTURE_OPENID,
    orderId: spec.orderId,
    seq: spec.seq ?? 1,
    carrier,
    trackingNo,
    phoneTail: '8000',
    items: spec.items ?? [],
    destination: { province: '上海市', city: '上海市' },
    subscription: { vendor: 'kdniao', state: 'subscribed', attempts: 1, nextAttemptAt: null, lastError: null, subscribedAt: shippedAt },
    supersededBy: null,
    lastCheckedAt: checked === null ? null : now - checked * MIN,
    lastPushAt: events[0]?.at ?? null,
    polling: { windowStartedAt: null, queriesInWindow: 0, lastRefreshAt: null },
    shippedAt,
    deliveredAt: derived.status === 'DELIVERED' ? derived.lastEventAt : null,
    createdAt: shippedAt,
    updatedAt: now - (checked ?? 0) * MIN,
    version: events.length + 1,
    events,
    signals: [],
    vendorEta: eta,
    vendorMap: null,
    ...derived,
  }
}

export function fixtureOrder(
  now: number,
  orderId: string,
  parcels: ParcelDoc[],
  options: { openid?: string; items?: OrderItem[] } = {},
): OrderDoc {
  const items = options.items ?? FIXTURE_ITEMS
  const active = parcels.filter((parcel) => parcel.supersededBy === null)
  const delivered = active.length > 0 && active.every((parcel) => parcel.status === 'DELIVERED')
  return {
    _id: orderId,
    _openid: options.openid ?? FIXTURE_OPENID,
    items,
    totalFen: items.reduce((sum, item) => sum + item.priceFen * item.quantity, 0),
    address: {
      userName: '王小明',
      telMasked: '138****8000',
      provinceName: '上海市',
      cityName: '上海市',
      countyName: '徐汇区',
      detailInfo: '漕溪北路 88 号 12 楼',
      postalCode: '200030',
    },
    status: active.length === 0 ? 'PAID' : delivered ? 'DELIVERED' : 'SHIPPED',
    payment: { provider: 'simulated', transactionId: `sim-${orderId}`, paidAt: now - 32 * HOUR },
    parcels: parcels.map((parcel) => ({
      parcelId: parcel._id,
      seq: parcel.seq,
      carrier: parcel.carrier,
      trackingNo: parcel.trackingNo,
      status: parcel.status,
      subStatus: parcel.subStatus,
      lastEvent: parcel.events[0]
        ? {
            at: parcel.events[0].at,
            text: parcel.events[0].text,
            ...(parcel.events[0].location ? { location: parcel.events[0].location } : {}),
          }
        : null,
      superseded: parcel.supersededBy !== null,
    })),
    createdAt: now - 32 * HOUR,
    updatedAt: now,
    shippedAt: active.length > 0 ? now - 30 * HOUR : null,
    deliveredAt: delivered ? now - 8 * MIN : null,
  }
}
