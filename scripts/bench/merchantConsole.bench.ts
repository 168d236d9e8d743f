// The merchant console at 100,000 parcels: the real merchantConsole bundle on the real wx-server-sdk
// against the local cloud, seeded directly (no pipeline run: 100,000 merges would take the bench's
// whole budget) with parcels as the merge path leaves them — `stats` from core's parcelStatistics —
// over 40 days, 12 carriers and 31 provinces, plus 10,000 orders waiting to ship. Per view: p50/p95
// ms of the function call and the database actions it cost; and the statistics checked against the
// same figures computed from every seeded parcel in memory ("correct totals").
import { performance } from 'node:perf_hooks'
import type { MerchantConsoleResult, ParcelDoc } from '../../core/api'
import { CARRIER_CODES, type CarrierCode } from '../../core/carriers'
import { deliveryFigures, parcelStatistics, type ParcelForStatistics } from '../../core/orders'
import { startDevCloud } from '../../dev/cloud'
import { demoMerchants } from '../../dev/seed/merchants'
import { buildFunctions } from '../buildFunctions'
import { median } from '../load/stats'
import { adminActionCounter } from './adminActions'
import type { Benchmark, BenchResult } from './types'

const PARCELS = 100_000
const ORDERS_TO_SHIP = 10_000
const SAMPLES = 20
const HOUR = 3600_000
const DAY = 24 * HOUR
const PROVINCES = ['广东省', '浙江省', '江苏省', '上海市', '北京市', '山东省', '四川省', '湖北省', '河南省', '福建省', '湖南省', '安徽省', '河北省', '陕西省', '重庆市', '天津市', '江西省', '广西壮族自治区', '云南省', '辽宁省', '山西省', '贵州省', '吉林省', '黑龙江省', '内蒙古自治区', '新疆维吾尔自治区', '甘肃省', '海南省', '宁夏回族自治区', '青海省', '西藏自治区']
const MERCHANT = 'dev-merchant'

/** Buckets are whole hours: a figure is off by at most half a bucket plus its rounding to 0.1 h. */
const withinBucket = (got: number | null, exact: number | null) => got === exact || (got !== null && exact !== null && Math.abs(got - exact) <= 0.55 + 1e-9)
const round = (value: number) => Math.round(value * 100) / 100
const p95 = (values: number[]) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0 }

/** A deterministic spread (no Math.random: the same seed every run). */
const spread = (index: number, salt: number, range: number) => ((index * 2654435761 + salt * 40503) >>> 0) % range

function seededParcel(index: number, now: number): ParcelDoc {
  const carrier = CARRIER_CODES[spread(index, 1, CARRIER_CODES.length)] as CarrierCode
  const province = PROVINCES[spread(index, 2, PROVINCES.length)] ?? '广东省'
  // 1 h to 39 days ago, never within a day of the 30-day window's edge (the function's clock runs on).
  const hoursAgo = 1 + spread(index, 3, 38 * 24)
  const shippedAt = now - (hoursAgo < 29 * 24 ? hoursAgo : hoursAgo + 2 * 24) * HOUR
  const outcome = spread(index, 4, 100)
  const deliveredAt = outcome < 70 ? shippedAt + (12 + spread(index, 5, 96 * 60)) * 60_000 : null
  const delivered = deliveredAt !== null && deliveredAt < now
  const status = delivered ? 'DELIVERED' : outcome < 73 ? 'EXCEPTION' : outcome < 75 ? 'DELIVERY_FAILED' : 'IN_TRANSIT'
  const trackingNo = `BENCH${String(index).padStart(8, '0')}`
  const lastEventAt = delivered ? deliveredAt : shippedAt + spread(index, 6, 60) * HOUR
  const events = [
    { at: Math.min(lastEventAt, now - 1), status, text: delivered ? '已签收' : '运输中', localTime: '', zone: 'explicit' as const, vendor: 'kdniao' as const, id: `${index.toString(16).padStart(8, '0')}${'0'.repeat(24)}` },
    { at: shippedAt + HOUR, status: outcome % 17 === 0 ? 'EXCEPTION' as const : 'PICKED_UP' as const, text: '已揽收', localTime: '', zone: 'explicit' as const, vendor: 'kdniao' as const, id: `${index.toString(16).padStart(8, '0')}${'1'.repeat(24)}` },
  ]
  const parcel = {
    _id: `${carrier}:${trackingNo}`, _openid: `bench-shopper-${index % 500}`, orderId: `bench-order-${index}`, seq: 1, carrier, trackingNo, phoneTail: null, items: [],
    destination: { province, city: '' }, subscription: { state: 'subscribed', vendor: 'kdniao', attempts: 1, nextAttemptAt: null, lastError: null },
    supersededBy: index % 250 === 0 ? 'replaced' : null, lastCheckedAt: now - HOUR, lastPushAt: now - HOUR,
    polling: { windowStartedAt: null, queriesInWindow: 0, lastRefreshAt: null },
    shippedAt, deliveredAt: delivered ? deliveredAt : null, createdAt: shippedAt, updatedAt: now, version: 2,
    events, signals: [], status, subStatus: null, terminal: delivered, lastEventAt: Math.min(lastEventAt, now - 1), statusSource: 'event',
  } as unknown as ParcelDoc
  return { ...parcel, stats: parcelStatistics({ ...parcel, province }) }
}

function seededOrder(index: number, now: number) {
  return {
    _id: `bench-paid-${String(index).padStart(6, '0')}`, _openid: `bench-shopper-${index % 500}`,
    items: [{ productId: 'prod-bench', title: index % 7 === 0 ? '云南小粒咖啡' : '棉麻托特包', priceFen: 100, quantity: 1, image: '' }],
    totalFen: 100, address: { userName: `顾客${index % 900}`, telMasked: `138****${String(1000 + (index % 9000)).slice(-4)}`, provinceName: '上海市', cityName: '上海市', countyName: '浦东新区', detailInfo: '1 号', postalCode: null },
    status: index % 5 === 0 ? 'PARTIALLY_SHIPPED' : 'PAID', payment: { provider: 'simulated', transactionId: `SIM-${index}`, paidAt: now - index * 60_000 },
    parcels: [], createdAt: now - index * 60_000, updatedAt: now, shippedAt: null, deliveredAt: null,
  }
}

const benchmark: Benchmark = {
  name: 'merchantConsole',
  async run(): Promise<BenchResult[]> {
    await buildFunctions(['merchantConsole'])
    const cloud = await startDevCloud({ envId: 'test-bench-merchant', functionEnv: { TRACKING_VENDOR: 'kdniao', PAYMENT_PROVIDER: 'simulated' } })
    const counter = adminActionCounter()
    try {
      for (const merchant of demoMerchants(undefined)) await cloud.db.put('merchants', { ...merchant })
      const now = Date.now()
      const seeded: ParcelDoc[] = []
      const seedStarted = performance.now()
      for (let index = 0; index < PARCELS; index += 1) {
        const parcel = seededParcel(index, now)
        seeded.push(parcel)
        await cloud.db.put('parcels', parcel as unknown as Record<string, unknown>)
      }
      for (let index = 0; index < ORDERS_TO_SHIP; index += 1) await cloud.db.put('orders', seededOrder(index, now))
      const seedSeconds = round((performance.now() - seedStarted) / 1000)

      const call = <A extends string>(data: Record<string, unknown> & { action: A }) => cloud.invoke<MerchantConsoleResult<never> & { ok: boolean }>('merchantConsole', data, { openid: MERCHANT })
      const firstPage = await cloud.invoke<{ ok: boolean; nextBefore: number | null }>('merchantConsole', { action: 'toShip', limit: 20 }, { openid: MERCHANT })
      const views: Array<[string, Record<string, unknown> & { action: string }]> = [
        ['carrierPerformance (30 days)', { action: 'carrierPerformance', sinceDays: 30 }],
        ['exceptions', { action: 'exceptions' }],
        ['toShip, first page', { action: 'toShip', limit: 20 }],
        ['toShip, a later page (cursor)', { action: 'toShip', limit: 20, before: firstPage.nextBefore ?? now }],
        ['toShip, search by phone tail', { action: 'toShip', limit: 20, search: '4321' }],
      ]
      const results: BenchResult[] = []
      for (const [label, data] of views) {
        await call(data as never) // warm: the function instance and the SDK's connection
        const ms: number[] = []
        const actions: number[] = []
        for (let sample = 0; sample < SAMPLES; sample += 1) {
          await cloud.idle()
          counter.reset()
          const started = performance.now()
          const answer = await call(data as never)
          ms.push(performance.now() - started)
          await cloud.idle()
          actions.push(counter.database())
          if (!answer.ok) throw new Error(`${label}: ${JSON.stringify(answer).slice(0, 200)}`)
        }
        results.push({ label: `merchant console view: ${label}`, figures: { parcels: PARCELS, p50_ms: round(median(ms)), p95_ms: round(p95(ms)), 'DB actions per view': Math.max(...actions), actions: counter.breakdown() } })
      }

      // Correct totals: the function's figures against every seeded parcel, computed in memory.
      const since = now - 30 * DAY
      const inWindow = seeded.filter((parcel) => parcel.supersededBy === null && parcel.shippedAt >= since)
      const forStatistics = (parcel: ParcelDoc): ParcelForStatistics => ({ carrier: parcel.carrier, province: parcel.destination.province, shippedAt: parcel.shippedAt, deliveredAt: parcel.deliveredAt, status: parcel.status, events: parcel.events })
      const performanceAnswer = await cloud.invoke<MerchantConsoleResult<'carrierPerformance'>>('merchantConsole', { action: 'carrierPerformance', sinceDays: 30 }, { openid: MERCHANT })
      if (!performanceAnswer.ok) throw new Error('carrierPerformance failed')
      const mismatches = performanceAnswer.byCarrier.filter((row) => {
        const expected = deliveryFigures(inWindow.filter((parcel) => parcel.carrier === row.carrier).map(forStatistics))
        return row.parcels !== expected.parcels || row.delivered !== expected.delivered || row.exceptionRate !== expected.exceptionRate
          || !withinBucket(row.medianHours, expected.medianHours) || !withinBucket(row.p90Hours, expected.p90Hours)
      })
      const exceptionsAnswer = await cloud.invoke<MerchantConsoleResult<'exceptions'>>('merchantConsole', { action: 'exceptions' }, { openid: MERCHANT })
      if (!exceptionsAnswer.ok) throw new Error('exceptions failed')
      const needAttention = seeded.filter((parcel) => parcel.supersededBy === null && !parcel.terminal
        && (['EXCEPTION', 'DELIVERY_FAILED', 'RETURNING'].includes(parcel.status) || now - (parcel.lastEventAt ?? parcel.shippedAt) > 48 * HOUR)).length
      const totalCounted = performanceAnswer.byCarrier.reduce((sum, row) => sum + row.parcels, 0)
      results.push({
        label: 'merchant console at 100,000 parcels: correct totals',
        figures: {
          parcels: PARCELS,
          'parcels in the 30-day window (function / in memory)': `${totalCounted} / ${inWindow.length}`,
          'carriers whose figures differ': mismatches.length,
          'exceptions total (function / in memory)': `${exceptionsAnswer.total} / ${needAttention}`,
          'correct totals': totalCounted === inWindow.length && mismatches.length === 0 && exceptionsAnswer.total === needAttention ? 'yes' : 'no',
          'seed seconds': seedSeconds,
        },
        note: 'counts exact; median and p90 within half a bucket (buckets are whole hours)',
      })
      return results
    } finally {
      counter.stop()
      await cloud.close()
    }
  },
}

export default benchmark
