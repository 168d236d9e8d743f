// fast-check generators for one parcel's tracking facts. Times and texts come from small pools so
// that the same scan (same instant and text, hence the same id) keeps turning up in different
// snapshots, from different vendors, with different codes: the collisions the merge must resolve.
import fc from 'fast-check'
import { KDNIAO_STATUS_TABLE } from '../../core/tracking/mappings/kdniaoStatusTable'
import { KUAIDI100_STATUS_TABLE } from '../../core/tracking/mappings/kuaidi100StatusTable'
import { buildTrackingEvent } from '../../core/tracking/buildTrackingEvent'
import type { EtaClaim } from '../../core/tracking/etaClaim'
import { mapKdniaoStatus, mapKuaidi100Status } from '../../core/tracking/mapVendorStatus'
import type { TrackingEvent, Vendor } from '../../core/tracking/trackingEvent'
import { STOP_REASONS, type TrackingSignal } from '../../core/tracking/trackingSignal'
import { snapshotAsOf, type TrackingSnapshot } from '../../core/tracking/trackingSnapshot'
import { nodeDigests } from '../../server/platform/digests'
import { nth } from '../support/nth'

export const CARRIER = 'YTO' as const
export const TRACKING_NO = 'YT1234567890123'

const TIMES = [
  '2025-01-01 10:00:00',
  '2025-01-01 18:30:00',
  '2025-01-02 09:58:00',
  '2025-01-02 09:58:00',
  '2025/01/03 07:12:40',
  '2025-01-03 09:30',
  '2025-01-03T15:47:18+08:00',
  '2025-01-04 08:00:00',
]
const TEXTS = [
  '已揽收',
  '【深圳市】已到达 深圳转运中心',
  '【上海市】派件人:张师傅,电话:13800001234 正在派件',
  '快件已放入【丰巢智能柜】，请凭取件码取件',
  '已签收，签收人：本人',
  '快件滞留',
  '运输中',
]
const VENDORS: Vendor[] = ['kdniao', 'kuaidi100', 'aftership']
const KDNIAO_CODES = [...KDNIAO_STATUS_TABLE.map((row) => row.code), '207', '999']
const KUAIDI100_CODES = [...KUAIDI100_STATUS_TABLE.map((row) => row.code), '1004']

const codeFor = (vendor: Vendor, code: string | null) =>
  code === null ? undefined : vendor === 'kuaidi100' ? mapKuaidi100Status(code) : mapKdniaoStatus(code)

export const eventArb: fc.Arbitrary<TrackingEvent> = fc
  .record({
    time: fc.constantFrom(...TIMES),
    text: fc.constantFrom(...TEXTS),
    vendor: fc.constantFrom(...VENDORS),
    code: fc.option(fc.constantFrom(...KDNIAO_CODES, ...KUAIDI100_CODES), { nil: null }),
    location: fc.option(fc.constantFrom('深圳市', '上海市'), { nil: null }),
  })
  .map(({ time, text, vendor, code, location }) => {
    const built = buildTrackingEvent(
      { vendor, carrier: CARRIER, trackingNo: TRACKING_NO, time, text, location, code: codeFor(vendor, code) },
      nodeDigests,
    )
    if (!built.ok) throw new Error(`pool time ${time} must parse`)
    return built.event
  })

const asOfArb = (events: TrackingEvent[]) =>
  fc.oneof(fc.constant(snapshotAsOf(events)), fc.constant(null), fc.constantFrom(...events.map((event) => event.at), 0))

const signalArb = (events: TrackingEvent[]): fc.Arbitrary<TrackingSignal> =>
  fc.oneof(
    fc
      .record({ vendor: fc.constantFrom(...VENDORS), code: fc.constantFrom(...KDNIAO_CODES), asOf: asOfArb(events) })
      .map(({ vendor, code, asOf }) => {
        const mapped = mapKdniaoStatus(code)
        return {
          kind: 'vendor_state' as const,
          vendor,
          asOf,
          status: mapped.status,
          ...(mapped.subStatus ? { subStatus: mapped.subStatus } : {}),
          rawCode: mapped.rawCode,
        }
      }),
    fc
      .record({
        vendor: fc.constantFrom(...VENDORS),
        reason: fc.constantFrom(...STOP_REASONS),
        asOf: asOfArb(events),
        message: fc.constantFrom('60天无变化', '3天查询无记录', ''),
      })
      .map(({ vendor, reason, asOf, message }) => ({
        kind: 'tracking_stopped' as const,
        vendor,
        asOf,
        reason,
        ...(message ? { message } : {}),
      })),
  )

const etaArb = (events: TrackingEvent[]): fc.Arbitrary<EtaClaim | null> =>
  fc.option(
    fc
      .record({ day: fc.integer({ min: 3, max: 6 }), vendor: fc.constantFrom(...VENDORS), asOf: asOfArb(events) })
      .map(({ day, vendor, asOf }) => ({
        at: Date.UTC(2025, 0, day, 10),
        zone: 'assumed:Asia/Shanghai' as const,
        localTime: `2025-01-0${day} 18:00:00`,
        vendor,
        asOf,
      })),
    { nil: null },
  )

export const snapshotArb: fc.Arbitrary<TrackingSnapshot> = fc.array(eventArb, { maxLength: 8 }).chain((events) =>
  fc
    .record({
      vendor: fc.constantFrom(...VENDORS),
      signals: fc.array(signalArb(events), { maxLength: 3 }),
      eta: etaArb(events),
    })
    .map(({ vendor, signals, eta }) => ({ vendor, carrier: CARRIER, trackingNo: TRACKING_NO, events, signals, eta })),
)

/** Snapshots plus an arrival sequence: every snapshot at least once, some again, in any order. */
export const arrivalsArb = fc.array(snapshotArb, { minLength: 1, maxLength: 6 }).chain((snapshots) => {
  const indices = snapshots.map((_, index) => index)
  return fc
    .array(fc.nat({ max: snapshots.length - 1 }), { maxLength: 6 })
    .chain((duplicates) => fc.shuffledSubarray([...indices, ...duplicates], { minLength: indices.length + duplicates.length }))
    .map((sequence) => ({ snapshots, arrivals: sequence.map((index) => nth(snapshots, index)) }))
})
