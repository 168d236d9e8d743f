import { buildTrackingEvent } from './buildTrackingEvent'
import { mapKdniaoStatus } from './mapVendorStatus'
import { MAX_EVENTS_PER_PARCEL } from './mergeEvents'
import { emptyTracking, mergeSnapshot, mergeTracking, parcelTrackingSchema, type ParcelTracking } from './parcelTracking'
import type { TrackingEvent } from './trackingEvent'
import type { TrackingSignal } from './trackingSignal'
import { snapshotAsOf, type TrackingSnapshot } from './trackingSnapshot'
import { parseVendorTime } from './vendorTime'
import { nodeDigests } from '../../server/platform/digests'

const at = (time: string) => {
  const parsed = parseVendorTime(time)
  if (!parsed.ok) throw new Error(time)
  return parsed.at
}

function event(time: string, text: string, code?: string, vendor: TrackingEvent['vendor'] = 'kdniao', location?: string): TrackingEvent {
  const built = buildTrackingEvent(
    {
      vendor,
      carrier: 'YTO',
      trackingNo: 'YT1234567890123',
      time,
      text,
      location,
      code: code === undefined ? undefined : mapKdniaoStatus(code),
    },
    nodeDigests,
  )
  if (!built.ok) throw new Error(time)
  return built.event
}

function snapshot(events: TrackingEvent[], extra: { state?: string; signals?: TrackingSignal[]; eta?: string } = {}): TrackingSnapshot {
  const asOf = snapshotAsOf(events)
  const signals: TrackingSignal[] = [...(extra.signals ?? [])]
  if (extra.state) {
    const mapped = mapKdniaoStatus(extra.state)
    signals.push({
      kind: 'vendor_state',
      vendor: 'kdniao',
      asOf,
      status: mapped.status,
      ...(mapped.subStatus ? { subStatus: mapped.subStatus } : {}),
      rawCode: mapped.rawCode,
    })
  }
  const eta = extra.eta
    ? {
        ...(parseVendorTime(extra.eta) as { at: number; zone: 'assumed:Asia/Shanghai'; localTime: string }),
        vendor: 'kdniao' as const,
        asOf,
      }
    : null
  if (eta) delete (eta as { ok?: boolean }).ok
  return { vendor: 'kdniao', carrier: 'YTO', trackingNo: 'YT1234567890123', events, signals, eta }
}

const fold = (...snapshots: TrackingSnapshot[]) =>
  snapshots.reduce<ParcelTracking>((state, next) => mergeSnapshot(state, next), emptyTracking())

const pickedUp = event('2025-01-01 18:00:00', '【深圳市】广东深圳公司 已揽收', '1')
const hub = event('2025-01-02 09:58:00', '【深圳市】已到达 深圳转运中心', '204')
const outForDelivery = event('2025-01-03 08:00:00', '【上海市】派件人:张师傅,电话:13800001234 正在派件', '202')
const delivered = event('2025-01-03 15:00:00', '【上海市】已签收，签收人：本人', '301')

describe('emptyTracking', () => {
  it('is PENDING with nothing known', () => {
    expect(emptyTracking()).toEqual({
      events: [],
      signals: [],
      vendorEta: null,
      vendorMap: null,
      status: 'PENDING',
      subStatus: null,
      terminal: false,
      lastEventAt: null,
      statusSource: null,
    })
  })
})

describe('mergeSnapshot', () => {
  it('stores events newest first and derives status from the newest', () => {
    const state = fold(snapshot([pickedUp, hub, outForDelivery]))
    expect(state.events.map((item) => item.rawCode)).toEqual(['202', '204', '1'])
    expect(state).toMatchObject({ status: 'OUT_FOR_DELIVERY', subStatus: null, terminal: false, lastEventAt: at('2025-01-03 08:00:00') })
    expect(state.statusSource).toEqual({ kind: 'event', vendor: 'kdniao', rawCode: '202' })
  })

  it('keeps one copy of a scan pushed twice', () => {
    const once = fold(snapshot([pickedUp, hub]))
    expect(fold(snapshot([pickedUp, hub]), snapshot([pickedUp, hub]))).toEqual(once)
    expect(once.events).toHaveLength(2)
  })

  it('is not moved back by an older snapshot that arrives late', () => {
    const newer = snapshot([pickedUp, hub, outForDelivery, delivered], { state: '3' })
    const older = snapshot([pickedUp, hub], { state: '2' })
    const state = fold(newer, older)
    expect(state).toMatchObject({ status: 'DELIVERED', subStatus: 'SIGNED_SELF', terminal: true })
    expect(state).toEqual(fold(older, newer))
  })

  it('lets the waybill state decide when traces carry no Action (1008/101 pushes)', () => {
    const uncoded = [event('2025-01-02 09:58:00', '【深圳市】已到达 深圳转运中心'), event('2025-01-03 15:00:00', '快件已放在门口')]
    const state = fold(snapshot(uncoded, { state: '3' }))
    expect(state.events[0]).toMatchObject({ status: 'IN_TRANSIT' })
    expect(state).toMatchObject({ status: 'DELIVERED', terminal: true, statusSource: { kind: 'vendor_state', rawCode: '3' } })
  })

  it('shows a time-based vendor anomaly until a newer scan supersedes it', () => {
    const stuck = fold(snapshot([pickedUp, hub, outForDelivery], { state: '402' }))
    expect(stuck).toMatchObject({ status: 'EXCEPTION', subStatus: 'TIMEOUT_UNSIGNED' })
    const resolved = mergeSnapshot(stuck, snapshot([pickedUp, hub, outForDelivery, delivered], { state: '3' }))
    expect(resolved).toMatchObject({ status: 'DELIVERED', subStatus: 'SIGNED_SELF' })
  })

  it('breaks same-instant ties by rank, and equal ranks by DESIGN order', () => {
    const sameTime = '2025-01-03 15:00:00'
    expect(fold(snapshot([event(sameTime, '派件中', '202'), event(sameTime, '已签收', '3')])).status).toBe('DELIVERED')
    expect(fold(snapshot([event(sameTime, '已放入快递柜', '211'), event(sameTime, '超时未取', '412')])).status).toBe('EXCEPTION')
  })

  it('expires on Kuaidi100 "60天无变化" and re-opens on a newer scan', () => {
    const stop: TrackingSignal = { kind: 'tracking_stopped', vendor: 'kuaidi100', asOf: hub.at, reason: 'no_change', message: '60天无变化' }
    const expired = fold(snapshot([pickedUp, hub], { signals: [stop] }))
    expect(expired).toMatchObject({ status: 'EXPIRED', terminal: true })
    expect(mergeSnapshot(expired, snapshot([outForDelivery]))).toMatchObject({ status: 'OUT_FOR_DELIVERY', terminal: false })
  })

  it('stays PENDING/NO_INFO on "3天查询无记录" and ignores shutdown for status', () => {
    const noRecord: TrackingSignal = { kind: 'tracking_stopped', vendor: 'kuaidi100', asOf: null, reason: 'no_record' }
    expect(fold(snapshot([], { signals: [noRecord] }))).toMatchObject({ status: 'PENDING', subStatus: 'NO_INFO' })
    const shutdown: TrackingSignal = { kind: 'tracking_stopped', vendor: 'kuaidi100', asOf: delivered.at, reason: 'shutdown' }
    expect(fold(snapshot([hub, delivered], { signals: [shutdown] }))).toMatchObject({ status: 'DELIVERED', signals: [shutdown] })
  })

  it('prefers the coded, more detailed report of the same scan from another vendor', () => {
    const fromKuaidi100 = event('2025-01-02 09:58:00', '【深圳市】已到达 深圳转运中心', undefined, 'kuaidi100')
    expect(fromKuaidi100.id).toBe(hub.id)
    const state = fold(snapshot([fromKuaidi100]), snapshot([hub]))
    expect(state.events).toEqual([hub])
    expect(fold(snapshot([hub]), snapshot([fromKuaidi100])).events).toEqual([hub])
  })

  it('takes the ETA from the snapshot with the newest events', () => {
    const early = snapshot([pickedUp], { eta: '2025-01-05' })
    const later = snapshot([pickedUp, hub], { eta: '2025-01-04 18:00:00' })
    expect(fold(later, early).vendorEta).toMatchObject({ localTime: '2025-01-04 18:00:00', asOf: hub.at })
    expect(fold(early, later).vendorEta).toEqual(fold(later, early).vendorEta)
  })

  it('keeps only the newest events under the cap', () => {
    const many = Array.from({ length: MAX_EVENTS_PER_PARCEL + 20 }, (_, index) =>
      event(
        `2025-01-01 10:${String(Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`,
        `扫描 ${index}`,
        '2',
      ),
    )
    const state = fold(snapshot(many.slice(0, 70)), snapshot(many.slice(50)))
    expect(state.events).toHaveLength(MAX_EVENTS_PER_PARCEL)
    expect(state.events.at(-1)?.text).toBe('扫描 20')
    expect(mergeSnapshot(emptyTracking(), snapshot(many), { maxEvents: 5 }).events.map((item) => item.text)).toEqual([
      '扫描 119',
      '扫描 118',
      '扫描 117',
      '扫描 116',
      '扫描 115',
    ])
  })
})

describe('stored documents', () => {
  it('round-trip through JSON and the schema unchanged', () => {
    const state = fold(snapshot([pickedUp, hub, outForDelivery], { state: '202', eta: '2025-01-03 18:00:00' }))
    expect(parcelTrackingSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state)
  })

  it('re-derive status on read, so a stale stored status cannot survive', () => {
    const state = fold(snapshot([pickedUp, hub]))
    const tampered = { ...JSON.parse(JSON.stringify(state)), status: 'DELIVERED', terminal: true }
    expect(parcelTrackingSchema.parse(tampered)).toMatchObject({ status: 'IN_TRANSIT', terminal: false })
  })

  it('reject a malformed event with a clear error', () => {
    const result = parcelTrackingSchema.safeParse({ events: [{ ...hub, status: 'TELEPORTED' }] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['events', 0, 'status'])
  })

  it('merging a state with itself changes nothing', () => {
    const state = fold(snapshot([pickedUp, hub], { state: '2' }))
    expect(mergeTracking(state, state)).toEqual(state)
  })
})
