// Documents and console answers typed by core/api for the merchant console's tests and screenshots.
// Not imported by any page. Made-up receivers; phones are stored masked, as the server stores them.
import type { ExceptionItem, MerchantConsoleResult, OrderDoc, OrderItem } from '@core/api'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export interface WaitingOrderSpec {
  orderId: string
  userName?: string
  telMasked?: string
  province?: string
  city?: string
  paidHoursAgo?: number
  items?: OrderItem[]
  status?: OrderDoc['status']
  parcels?: OrderDoc['parcels']
}

export const MERCHANT_ITEMS: OrderItem[] = [
  { productId: 'prod-longjing-tea', title: '明前龙井 250g', priceFen: 16800, quantity: 1, image: '/assets/products/longjing-tea.png' },
  { productId: 'prod-ceramic-mug', title: '景德镇手绘马克杯', priceFen: 6900, quantity: 2, image: '/assets/products/ceramic-mug.png' },
]

export function waitingOrder(now: number, spec: WaitingOrderSpec): OrderDoc {
  const items = spec.items ?? MERCHANT_ITEMS
  const paidAt = now - (spec.paidHoursAgo ?? 5) * HOUR
  return {
    _id: spec.orderId,
    _openid: 'dev-shopper',
    items,
    totalFen: items.reduce((sum, item) => sum + item.priceFen * item.quantity, 0),
    address: {
      userName: spec.userName ?? '王小明', telMasked: spec.telMasked ?? '138****8000', provinceName: spec.province ?? '浙江省',
      cityName: spec.city ?? '杭州市', countyName: '西湖区', detailInfo: '文三路 1 号', postalCode: '310000',
    },
    status: spec.status ?? (spec.parcels?.length ? 'PARTIALLY_SHIPPED' : 'PAID'),
    payment: { provider: 'simulated', transactionId: `SIM-${spec.orderId}`, paidAt },
    parcels: spec.parcels ?? [],
    createdAt: paidAt,
    updatedAt: paidAt,
    shippedAt: null,
    deliveredAt: null,
  }
}

export function exceptionItems(now: number): ExceptionItem[] {
  return [
    {
      parcelId: 'ZTO:78912345678901', orderId: 'ORD-1002', carrier: 'ZTO', trackingNo: '78912345678901', kind: 'stuck', status: 'IN_TRANSIT', subStatus: null,
      lastEvent: { at: now - 76 * HOUR, text: '快件已发往【杭州转运中心】', location: '金华市' }, ageMs: 76 * HOUR,
    },
    {
      parcelId: 'SF:SF1400000000881', orderId: 'ORD-1003', carrier: 'SF', trackingNo: 'SF1400000000881', kind: 'delivery_failed', status: 'DELIVERY_FAILED', subStatus: null,
      lastEvent: { at: now - 5 * HOUR, text: '派送不成功，收件人电话无人接听，待再次派送', location: '上海市' }, ageMs: 5 * HOUR,
    },
    {
      parcelId: 'YTO:YT1400000000882', orderId: 'ORD-1004', carrier: 'YTO', trackingNo: 'YT1400000000882', kind: 'returning', status: 'RETURNING', subStatus: null,
      lastEvent: { at: now - 20 * HOUR, text: '收件人拒收，快件退回中', location: '成都市' }, ageMs: 20 * HOUR,
    },
    {
      parcelId: 'JTSD:JT1400000000883', orderId: 'ORD-1005', carrier: 'JTSD', trackingNo: 'JT1400000000883', kind: 'exception', status: 'EXCEPTION', subStatus: null,
      lastEvent: { at: now - 9 * HOUR, text: '快件外包装破损，网点处理中', location: '广州市' }, ageMs: 9 * HOUR,
    },
    {
      parcelId: 'YD:312345678901234', orderId: 'ORD-1006', carrier: 'YD', trackingNo: '312345678901234', kind: 'stuck', status: 'PENDING', subStatus: null,
      lastEvent: null, ageMs: 52 * HOUR,
    },
  ]
}

type Performance = Extract<MerchantConsoleResult<'carrierPerformance'>, { ok: true }>

export function performanceResult(): Performance {
  return {
    ok: true,
    sinceDays: 30,
    byCarrier: [
      { carrier: 'ZTO', parcels: 412, delivered: 380, medianHours: 46.5, p90Hours: 78.2, exceptionRate: 0.024 },
      { carrier: 'YTO', parcels: 288, delivered: 270, medianHours: 50.1, p90Hours: 86.4, exceptionRate: 0.031 },
      { carrier: 'SF', parcels: 156, delivered: 150, medianHours: 26.3, p90Hours: 40.8, exceptionRate: 0.006 },
      { carrier: 'JD', parcels: 40, delivered: 39, medianHours: 22.0, p90Hours: 30.5, exceptionRate: 0 },
      { carrier: 'JTSD', parcels: 12, delivered: 0, medianHours: null, p90Hours: null, exceptionRate: 0.083 },
    ],
    byProvince: [
      { province: '浙江省', parcels: 301, delivered: 290, medianHours: 20.4, p90Hours: 33.0, exceptionRate: 0.01 },
      { province: '广东省', parcels: 220, delivered: 200, medianHours: 52.2, p90Hours: 80.1, exceptionRate: 0.027 },
      { province: '四川省', parcels: 150, delivered: 139, medianHours: 60.7, p90Hours: 98.6, exceptionRate: 0.04 },
      { province: '北京市', parcels: 127, delivered: 121, medianHours: 44.9, p90Hours: 70.3, exceptionRate: 0.016 },
      { province: '新疆维吾尔自治区', parcels: 10, delivered: 7, medianHours: 120.5, p90Hours: 160.2, exceptionRate: 0.1 },
    ],
  }
}
