// Whole stories across pushes and vendors: the same fixtures as the per-vendor tests, delivered the
// way aggregators really deliver them (twice, late, out of order, from both vendors).
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { buildTrackingEvent } from '../tracking/buildTrackingEvent'
import { emptyTracking, mergeSnapshot, type ParcelTracking } from '../tracking/parcelTracking'
import type { TrackingSnapshot } from '../tracking/trackingSnapshot'
import { encodeForm } from './formBody'
import { kdniaoDataSign } from './kdniao/kdniaoDataSign'
import { readKdniaoPush } from './kdniao/kdniaoPush'
import { kuaidi100CallbackSign } from './kuaidi100/kuaidi100Sign'
import { readKuaidi100Push } from './kuaidi100/kuaidi100Push'
import { nodeDigests } from '../../server/platform/digests'

const APP_KEY = '00000000-1111-2222-3333-444444444444'
const SALT = 's3cr3t'

function kdniao(file: string, trackingNo: string): TrackingSnapshot {
  const fixture = JSON.parse(readFileSync(path.join(__dirname, 'kdniao', 'fixtures', file), 'utf8'))
  const requestData = JSON.stringify(fixture.requestData)
  const read = readKdniaoPush(
    encodeForm([
      ['RequestData', requestData],
      ['RequestType', fixture.requestType],
      ['DataSign', kdniaoDataSign(requestData, APP_KEY, nodeDigests)],
    ]),
    APP_KEY,
    nodeDigests,
  )
  const waybill =
    read.ok && read.tracking ? read.push.waybills.find((item) => item.ok && item.snapshot.trackingNo === trackingNo) : undefined
  if (!waybill || !waybill.ok) throw new Error(`${file} has no ${trackingNo}`)
  return waybill.snapshot
}

function kuaidi100(file: string): TrackingSnapshot {
  const fixture = JSON.parse(readFileSync(path.join(__dirname, 'kuaidi100', 'fixtures', file), 'utf8'))
  const param = JSON.stringify(fixture.param)
  const read = readKuaidi100Push(
    encodeForm([
      ['param', param],
      ['sign', kuaidi100CallbackSign(param, SALT, nodeDigests)],
    ]),
    SALT,
    nodeDigests,
  )
  if (!read.ok || !read.push.waybill.ok) throw new Error(`${file} did not parse`)
  return read.push.waybill.snapshot
}

const fold = (snapshots: TrackingSnapshot[]) =>
  snapshots.reduce<ParcelTracking>((state, next) => mergeSnapshot(state, next), emptyTracking())

describe('Kdniao: a newer snapshot, then the older one late, then both again', () => {
  const older = kdniao('push-102-normal.json', 'YT1234567890123')
  const newer = kdniao('push-102-delivered.json', 'YT1234567890123')

  it.each([
    ['in order', [older, newer]],
    ['out of order', [newer, older]],
    ['duplicated and out of order', [newer, older, newer, older, older]],
  ])('%s ends delivered with every scan once', (_case, snapshots) => {
    const state = fold(snapshots)
    expect(state).toEqual(fold([older, newer]))
    expect(state).toMatchObject({
      status: 'DELIVERED',
      subStatus: 'SIGNED_LOCKER',
      terminal: true,
      lastEventAt: Date.parse('2025-01-03T07:47:18Z'),
    })
    expect(state.events).toHaveLength(7)
    expect(state.events.map((event) => event.at)).toEqual([...state.events.map((event) => event.at)].sort((a, b) => b - a))
    // The ETA came only with the older snapshot; it stays, and the page hides it once terminal.
    expect(state.vendorEta?.localTime).toBe('2025-01-04 18:00:00')
  })
})

describe('Kdniao and Kuaidi100 reporting the same parcel', () => {
  const fromKdniao = kdniao('push-102-delivered.json', 'YT1234567890123')
  const fromKuaidi100 = kuaidi100('push-polling.json')

  it('merges the same scans into one event each, keeping the richer report', () => {
    const state = fold([fromKuaidi100, fromKdniao])
    expect(state).toEqual(fold([fromKdniao, fromKuaidi100]))
    expect(state.events).toHaveLength(7)
    const hub = state.events.find((event) => event.localTime === '2025-01-02 09:58:00')
    expect(hub).toMatchObject({ vendor: 'kdniao', rawCode: '204', subStatus: 'AT_HUB' })
    expect(state.status).toBe('DELIVERED')
  })
})

describe('Kuaidi100: updateall and polling pushes in any order', () => {
  it('agree on the parcel', () => {
    const polling = kuaidi100('push-polling.json')
    const updateAll = kuaidi100('push-updateall.json')
    expect(fold([polling, updateAll])).toEqual(fold([updateAll, polling]))
    expect(fold([updateAll, polling])).toMatchObject({ status: 'OUT_FOR_DELIVERY' })
  })

  it('expire on abort("60天无变化") and re-open when a newer scan arrives', () => {
    const aborted = fold([kuaidi100('push-abort-no-change.json')])
    expect(aborted).toMatchObject({ status: 'EXPIRED', terminal: true })
    const later = buildTrackingEvent(
      {
        vendor: 'kuaidi100',
        carrier: 'YD',
        trackingNo: '312345678901234',
        time: '2025-01-05 08:00:00',
        text: '【武汉市】快件已到达 武汉江夏区公司',
      },
      nodeDigests,
    )
    if (!later.ok) throw new Error('fixture time')
    const reopened = mergeSnapshot(aborted, { ...kuaidi100('push-abort-no-change.json'), events: [later.event], signals: [] })
    expect(reopened).toMatchObject({ status: 'IN_TRANSIT', terminal: false })
  })
})
