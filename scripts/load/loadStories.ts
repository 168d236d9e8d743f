// What the load generator pushes, and what the database must hold afterwards. Every load parcel has
// the same 12-scan YTO story (its own times and texts); Kdniao pushes are full snapshots
// (reference/aggregators.md §1.6), so a push for a parcel carries its scans 1..k. Written from the
// reference, independent of core/: the expectation cannot share a misunderstanding with the code.
import { createHash } from 'node:crypto'
import { nth } from '../../test/support/nth'

/** Trace `Action` per scan (aggregators.md §1.8): picked up, departed, hubs, transit, destination city, station, delivery, signed. */
export const STORY_ACTIONS = ['1', '206', '204', '2', '204', '2', '204', '2', '201', '205', '202', '301'] as const
type StoryAction = (typeof STORY_ACTIONS)[number]

/** Kdniao → unified status, reference/aggregators.md §5. */
const STATUS_OF_ACTION: Record<StoryAction, string> = {
  1: 'PICKED_UP',
  206: 'IN_TRANSIT',
  204: 'IN_TRANSIT',
  2: 'IN_TRANSIT',
  201: 'IN_TRANSIT',
  205: 'IN_TRANSIT',
  202: 'OUT_FOR_DELIVERY',
  301: 'DELIVERED',
}

const TEXT_OF_ACTION: Record<StoryAction, string> = {
  1: '快件已揽收',
  206: '快件已从寄件网点发出',
  204: '快件已到达转运中心',
  2: '快件运输中，发往下一站',
  201: '快件已到达派件城市',
  205: '快件已到达派件网点',
  202: '派件员正在为您派件（电话 139****0000）',
  301: '快件已签收，签收人：本人',
}

const MINUTE = 60_000
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE
/** Story times are Shanghai wall-clock times without offset, as Kdniao sends them. */
const STORY_START_LOCAL = Date.UTC(2025, 2, 1, 8, 0, 0)

export interface Scan {
  at: number
  localTime: string
  action: StoryAction
  state: string
  text: string
}

const localTime = (localMs: number) => new Date(localMs).toISOString().replace('T', ' ').slice(0, 19)

/** Scan `index` (0-based) of load parcel `parcel`: parcels start 3 min apart, scans 53 min apart. */
export function scanOf(parcel: number, index: number): Scan {
  const action = nth(STORY_ACTIONS, index)
  const local = STORY_START_LOCAL + parcel * 3 * MINUTE + index * 53 * MINUTE
  return {
    at: local - SHANGHAI_OFFSET_MS,
    localTime: localTime(local),
    action,
    state: action.charAt(0),
    text: `【第${index + 1}站】${TEXT_OF_ACTION[action]}（包裹 ${parcel + 1}）`,
  }
}

/** A scan no vendor ever made: forged pushes carry it, so one that got through would show. */
export function forgedScan(parcel: number): Scan {
  const local = STORY_START_LOCAL + 365 * 24 * 60 * MINUTE
  return {
    at: local - SHANGHAI_OFFSET_MS,
    localTime: localTime(local),
    action: '301',
    state: '3',
    text: `伪造的签收（包裹 ${parcel + 1}）`,
  }
}

export interface Waybill {
  trackingNo: string
  scans: Scan[]
}

/** DataSign = Base64(lowercase hex MD5(RequestData + AppKey)), reference/aggregators.md §1.2/§1.6. */
export function kdniaoDataSign(requestData: string, appKey: string): string {
  return Buffer.from(
    createHash('md5')
      .update(requestData + appKey, 'utf8')
      .digest('hex'),
  ).toString('base64')
}

/** A Kdniao 102 push: form RequestData/RequestType/DataSign, DataSign = Base64(hex MD5(RequestData + AppKey)) (§1.6). */
export function kdniaoPushBody(eBusinessId: string, waybills: readonly Waybill[], pushTime: string, signingKey: string | null): string {
  const requestData = JSON.stringify({
    EBusinessID: eBusinessId,
    Count: String(waybills.length),
    PushTime: pushTime,
    Data: waybills.map((waybill) => {
      const newest = nth(waybill.scans, -1)
      return {
        EBusinessID: eBusinessId,
        ShipperCode: 'YTO',
        LogisticCode: waybill.trackingNo,
        Success: true,
        State: newest.state,
        StateEx: newest.action,
        Traces: waybill.scans.map((scan) => ({ AcceptTime: scan.localTime, AcceptStation: scan.text, Action: scan.action })),
      }
    }),
  })
  const fields: Array<[string, string]> = [
    ['RequestData', requestData],
    ['RequestType', '102'],
  ]
  if (signingKey !== null) fields.push(['DataSign', kdniaoDataSign(requestData, signingKey)])
  return fields.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
}

export interface ExpectedParcel {
  /** Newest first. */
  events: Array<{ at: number; text: string }>
  status: string
}

/** The order-independent result of every valid push that carried scans 1..`scans` of `parcel`. */
export function expectedParcel(parcel: number, scans: number): ExpectedParcel {
  const events = Array.from({ length: scans }, (_, index) => scanOf(parcel, index)).reverse()
  return {
    events: events.map((scan) => ({ at: scan.at, text: scan.text })),
    status: events[0] ? STATUS_OF_ACTION[events[0].action] : 'PENDING',
  }
}
