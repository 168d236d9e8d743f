// Documents and console answers typed by core/api for the merchant console's tests and screenshots.
// Not imported by any page. Made-up receivers; phones are stored masked, as the server stores them.
import type { ExceptionItem, MerchantConsoleResult, OrderDoc, OrderItem, ParcelDoc } from '@core/api'
import type { CarrierCode } from '@core/carriers'
import { fixtureParcel, SCANS_TO_DEST_CITY, type ScanSpec } from '../../testing/trackingFixtures'

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

const TEA: OrderItem = {
  productId: 'prod-longjing-tea',
  title: '明前龙井 250g',
  priceFen: 16800,
  quantity: 1,
  image: '/assets/products/longjing-tea.png',
}
const MUG: OrderItem = {
  productId: 'prod-ceramic-mug',
  title: '景德镇手绘马克杯',
  priceFen: 6900,
  quantity: 2,
  image: '/assets/products/ceramic-mug.png',
}
export const MERCHANT_ITEMS: OrderItem[] = [TEA, MUG]

export function waitingOrder(now: number, spec: WaitingOrderSpec): OrderDoc {
  const items = spec.items ?? MERCHANT_ITEMS
  const paidAt = now - (spec.paidHoursAgo ?? 5) * HOUR
  return {
    _id: spec.orderId,
    _openid: 'dev-shopper',
    items,
    totalFen: items.reduce((sum, item) => sum + item.priceFen * item.quantity, 0),
    address: {
      userName: spec.userName ?? '王小明',
      telMasked: spec.telMasked ?? '138****8000',
      provinceName: spec.province ?? '浙江省',
      cityName: spec.city ?? '杭州市',
      countyName: '西湖区',
      detailInfo: '文三路 1 号',
      postalCode: '310000',
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
      parcelId: 'ZTO:78912345678901',
      orderId: 'ORD-1002',
      carrier: 'ZTO',
      trackingNo: '78912345678901',
      kind: 'stuck',
      status: 'IN_TRANSIT',
      subStatus: null,
      lastEvent: { at: now - 76 * HOUR, text: '快件已发往【杭州转运中心】', location: '金华市' },
      ageMs: 76 * HOUR,
    },
    {
      parcelId: 'SF:SF1400000000881',
      orderId: 'ORD-1003',
      carrier: 'SF',
      trackingNo: 'SF1400000000881',
      kind: 'delivery_failed',
      status: 'DELIVERY_FAILED',
      subStatus: null,
      lastEvent: { at: now - 5 * HOUR, text: '派送不成功，收件人电话无人接听，待再次派送', location: '上海市' },
      ageMs: 5 * HOUR,
    },
    {
      parcelId: 'YTO:YT1400000000882',
      orderId: 'ORD-1004',
      carrier: 'YTO',
      trackingNo: 'YT1400000000882',
      kind: 'returning',
      status: 'RETURNING',
      subStatus: null,
      lastEvent: { at: now - 20 * HOUR, text: '收件人拒收，快件退回中', location: '成都市' },
      ageMs: 20 * HOUR,
    },
    {
      parcelId: 'JTSD:JT1400000000883',
      orderId: 'ORD-1005',
      carrier: 'JTSD',
      trackingNo: 'JT1400000000883',
      kind: 'exception',
      status: 'EXCEPTION',
      subStatus: null,
      lastEvent: { at: now - 9 * HOUR, text: '快件外包装破损，网点处理中', location: '广州市' },
      ageMs: 9 * HOUR,
    },
    {
      parcelId: 'YD:312345678901234',
      orderId: 'ORD-1006',
      carrier: 'YD',
      trackingNo: '312345678901234',
      kind: 'stuck',
      status: 'PENDING',
      subStatus: null,
      lastEvent: null,
      ageMs: 52 * HOUR,
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

// A shop's console on a busy day, as documents: orders waiting to ship, parcels in trouble, and a
// month of delivered parcels across carriers and provinces. For screenshots and design review.

const PEOPLE = [
  ['王小明', '138****8000', '浙江省', '杭州市'],
  ['李娜', '139****1234', '上海市', '上海市'],
  ['张伟', '137****5566', '广东省', '深圳市'],
  ['刘芳', '136****7788', '四川省', '成都市'],
  ['陈静', '135****2468', '北京市', '北京市'],
  ['杨洋', '188****1357', '江苏省', '南京市'],
  ['赵磊', '186****9900', '湖北省', '武汉市'],
  ['黄丽', '187****3141', '福建省', '厦门市'],
] as const

/** A CloudBase-looking id (32 hex), deterministic per label. */
export function demoId(label: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193
  const out: string[] = []
  for (let round = 0; round < 4; round += 1) {
    for (const char of `${label}#${round}`) {
      a = Math.imul(a ^ char.charCodeAt(0), 16777619) >>> 0
      b = Math.imul(b + char.charCodeAt(0), 2246822507) >>> 0
    }
    out.push(((a ^ b) >>> 0).toString(16).padStart(8, '0'))
  }
  return out.join('')
}

const MORE_ITEMS: OrderItem[][] = [
  [TEA],
  [MUG],
  [TEA, MUG],
  [{ ...TEA, quantity: 2 }],
  [{ productId: 'prod-silk-scarf', title: '杭州真丝围巾', priceFen: 25900, quantity: 1, image: '/assets/products/silk-scarf.png' }],
  [
    {
      productId: 'prod-osmanthus-cakes',
      title: '桂花糕礼盒 (12 枚)',
      priceFen: 5800,
      quantity: 3,
      image: '/assets/products/osmanthus-cakes.png',
    },
  ],
  [
    {
      productId: 'prod-yunnan-coffee',
      title: '云南小粒咖啡豆 500g',
      priceFen: 9800,
      quantity: 1,
      image: '/assets/products/yunnan-coffee.png',
    },
    TEA,
  ],
  [{ productId: 'prod-cotton-tote', title: '帆布托特包', priceFen: 4500, quantity: 2, image: '/assets/products/cotton-tote.png' }],
]

export function demoWaitingOrders(now: number): OrderDoc[] {
  return PEOPLE.map(([userName, telMasked, province, city], index) =>
    waitingOrder(now, {
      orderId: demoId(`waiting-${index}`),
      userName,
      telMasked,
      province,
      city,
      paidHoursAgo: [30, 26, 9, 6, 4.5, 2, 1.2, 0.4][index],
      items: MORE_ITEMS[index],
    }),
  )
}

const later = (scans: ScanSpec[], minutes: number) => scans.map((scan) => ({ ...scan, minutesAgo: scan.minutesAgo + minutes }))

/** Parcels the exceptions board shows: silent for days, failed delivery, refused and returning, damaged. */
export function demoTroubledParcels(now: number): ParcelDoc[] {
  const parcel = (label: string, carrier: CarrierCode, trackingNo: string, scans: ScanSpec[]) =>
    fixtureParcel(now, { orderId: demoId(`trouble-${label}`), carrier, trackingNo, scans, openid: 'dev-shopper' })
  return [
    parcel('stuck', 'ZTO', '78912345670001', later(SCANS_TO_DEST_CITY.slice(0, 3), 54 * 60)),
    parcel('failed', 'SF', 'SF1400000008802', [
      ...SCANS_TO_DEST_CITY,
      {
        minutesAgo: 95,
        text: '快件派送不成功（收件人电话无人接听），待再次派送',
        location: '上海市',
        status: 'DELIVERY_FAILED',
        subStatus: 'UNREACHABLE',
      },
    ]),
    parcel('refused', 'YTO', 'YT1400000008803', [
      ...later(SCANS_TO_DEST_CITY, 600),
      {
        minutesAgo: 420,
        text: '收件人拒收，快件退回中',
        location: '成都市',
        status: 'RETURNING',
      },
    ]),
    parcel('damaged', 'JTSD', 'JT1400000008804', [
      ...later(SCANS_TO_DEST_CITY.slice(0, 4), 300),
      {
        minutesAgo: 560,
        text: '快件外包装破损，网点处理中',
        location: '广州市',
        status: 'EXCEPTION',
      },
    ]),
    { ...parcel('silent', 'YD', '312345678900005', []), shippedAt: now - 52 * HOUR, createdAt: now - 52 * HOUR },
  ]
}

/** A month of delivered parcels: each carrier and province with its own typical transit time. */
export function demoDeliveredParcels(now: number): ParcelDoc[] {
  const carriers: Array<[CarrierCode, string, number]> = [
    ['ZTO', '789', 44],
    ['YTO', 'YT', 50],
    ['SF', 'SF', 26],
    ['JD', 'JD', 22],
    ['YD', '31', 48],
  ]
  const provinces: Array<[string, number]> = [
    ['浙江省', 0.55],
    ['上海市', 0.7],
    ['广东省', 1.2],
    ['北京市', 1.05],
    ['四川省', 1.4],
    ['新疆维吾尔自治区', 2.4],
  ]
  const parcels: ParcelDoc[] = []
  let n = 0
  for (const [carrier, prefix, hours] of carriers) {
    for (const [province, factor] of provinces) {
      const count = carrier === 'JD' ? 2 : 4
      for (let i = 0; i < count; i += 1) {
        n += 1
        // A fixed spread around the carrier's typical time (not random: screenshots must be reproducible).
        const spread = [0.8, 0.95, 1.1, 1.45][i] ?? 1
        const transitMinutes = Math.round(hours * factor * spread * 60)
        const deliveredAgo = (n % 20) * 24 * 60 + 120
        const shippedAgo = deliveredAgo + transitMinutes
        const trackingNo =
          prefix === 'SF'
            ? `SF14${String(9000000000 + n).padStart(11, '0')}`
            : prefix === 'YT'
              ? `YT14${String(9000000000 + n).padStart(11, '0')}`
              : prefix === 'JD'
                ? `JDVA${String(90000000000 + n)}`
                : prefix === '789'
                  ? `789${String(90000000000 + n)}`
                  : `31${String(9000000000000 + n)}`
        const base = fixtureParcel(now, {
          orderId: demoId(`delivered-${n}`),
          carrier,
          trackingNo,
          openid: 'dev-shopper',
          scans: [
            { minutesAgo: shippedAgo, text: '快递员已揽收', status: 'PICKED_UP' },
            { minutesAgo: Math.round((shippedAgo + deliveredAgo) / 2), text: '快件运输中', status: 'IN_TRANSIT' },
            ...(i === 3 && n % 8 === 0
              ? [{ minutesAgo: deliveredAgo + 60, text: '派送不成功，待再次派送', status: 'DELIVERY_FAILED' as const }]
              : []),
            { minutesAgo: deliveredAgo, text: '已签收', status: 'DELIVERED' },
          ],
        })
        parcels.push({
          ...base,
          destination: { province, city: province },
          shippedAt: now - shippedAgo * 60_000,
          createdAt: now - shippedAgo * 60_000,
        })
      }
    }
  }
  return parcels
}
