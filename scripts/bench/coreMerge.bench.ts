// Cost of turning a vendor push into parcel state: verify + parse + normalise + merge, per event, for
// a 100-waybill Kdniao push of 30-scan snapshots and the same 100 waybills as Kuaidi100 pushes (one
// waybill each, as Kuaidi100 sends them). "new" merges into empty parcels; "duplicate" merges the same
// push again into the resulting parcels, which is what a retried or re-sent push costs.
// Times are the fastest of ROUNDS rounds by the wall clock (on a shared box the median mostly
// measures the neighbours), with the median CPU time beside it; "where the time goes" splits the
// Kdniao push into its steps.
import { performance } from 'node:perf_hooks'
import { encodeForm, parseFormBody } from '../../core/aggregators/formBody'
import { kdniaoDataSign, kdniaoPushSchema, readKdniaoPush, verifyKdniaoPush } from '../../core/aggregators/kdniao'
import { kuaidi100CallbackSign, readKuaidi100Push } from '../../core/aggregators/kuaidi100'
import { extractCourier } from '../../core/privacy/extractCourier'
import { maskPhones } from '../../core/privacy/maskPhones'
import { emptyTracking, mergeSnapshot, type ParcelTracking, type TrackingSnapshot } from '../../core/tracking'
import { parseVendorTime } from '../../core/tracking/vendorTime'
import { nodeDigests } from '../../server/platform/digests'
import type { Benchmark, BenchResult } from './types'

const WAYBILLS = 100
const EVENTS_PER_WAYBILL = 30
const ROUNDS = 15
const APP_KEY = '00000000-1111-2222-3333-444444444444'
const SALT = 's3cr3t'

const STEPS = [
  ['1', '【深圳市】广东深圳南山公司 已揽收'], ['206', '【深圳市】已离开 广东深圳南山公司；发往 深圳转运中心'],
  ['204', '【深圳市】已到达 深圳转运中心'], ['2', '【深圳市】已离开 深圳转运中心；发往 上海转运中心'],
  ['201', '【上海市】已到达 上海转运中心'], ['202', '【上海市】派件人:张师傅,电话:138****1234 正在派件'],
] as const

function traces(waybill: number) {
  return Array.from({ length: EVENTS_PER_WAYBILL }, (_, index) => {
    const [action, text] = STEPS[index % STEPS.length] ?? STEPS[0]
    const minutes = waybill + index * 37
    const stamp = new Date(Date.UTC(2025, 0, 1, 2) + minutes * 60_000).toISOString().replace('T', ' ').slice(0, 19)
    return { time: stamp, action, text: `${text} 第${index + 1}站` }
  })
}

const trackingNo = (waybill: number) => `YT${String(1_000_000_000_000 + waybill)}`

function kdniaoBody(): string {
  const requestData = JSON.stringify({
    EBusinessID: '1234567', PushTime: '2025-01-03 10:00:00', Count: String(WAYBILLS),
    Data: Array.from({ length: WAYBILLS }, (_, waybill) => ({
      EBusinessID: '1234567', ShipperCode: 'YTO', LogisticCode: trackingNo(waybill), Success: true, State: '2', StateEx: '202',
      Traces: traces(waybill).map((trace) => ({ AcceptTime: trace.time, AcceptStation: trace.text, Location: '上海市', Action: trace.action })),
    })),
  })
  return encodeForm([['RequestData', requestData], ['RequestType', '102'], ['DataSign', kdniaoDataSign(requestData, APP_KEY, nodeDigests)]])
}

function kuaidi100Bodies(): string[] {
  return Array.from({ length: WAYBILLS }, (_, waybill) => {
    const param = JSON.stringify({
      status: 'polling', message: '', autoCheck: '0', comOld: '', comNew: '',
      lastResult: {
        message: 'ok', state: '5', status: '200', condition: 'F00', ischeck: '0', com: 'yuantong', nu: trackingNo(waybill),
        data: traces(waybill).reverse().map((trace) => ({ time: trace.time, ftime: trace.time, context: trace.text, areaName: '上海', statusCode: '1002' })),
      },
    })
    return encodeForm([['param', param], ['sign', kuaidi100CallbackSign(param, SALT, nodeDigests)]])
  })
}

function kdniaoSnapshots(body: string): TrackingSnapshot[] {
  const read = readKdniaoPush(body, APP_KEY, nodeDigests)
  if (!read.ok || !read.tracking) throw new Error('bench push must verify')
  return read.push.waybills.map((waybill) => {
    if (!waybill.ok) throw new Error('bench waybill must parse')
    return waybill.snapshot
  })
}

function kuaidi100Snapshots(bodies: string[]): TrackingSnapshot[] {
  return bodies.map((body) => {
    const read = readKuaidi100Push(body, SALT, nodeDigests)
    if (!read.ok || !read.push.waybill.ok) throw new Error('bench push must verify')
    return read.push.waybill.snapshot
  })
}

function mergeAll(snapshots: TrackingSnapshot[], states: Map<string, ParcelTracking>): void {
  for (const snapshot of snapshots) {
    const key = `${snapshot.carrier}:${snapshot.trackingNo}`
    states.set(key, mergeSnapshot(states.get(key) ?? emptyTracking(), snapshot))
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
const round2 = (value: number) => Number(value.toFixed(2))
const cpuMicros = () => {
  const { user, system } = process.cpuUsage()
  return user + system
}

/** µs per event of `work` over ROUNDS rounds, each on fresh state from `prepare`: the fastest round
 * by the wall clock (what SCF bills, with the neighbours' interruptions taken out) and the median
 * CPU time of the process (GC threads included). */
function timed<T>(prepare: () => T, work: (prepared: T) => void): { wall: number; cpu: number } {
  const events = WAYBILLS * EVENTS_PER_WAYBILL
  work(prepare()) // warm-up: JIT
  const walls: number[] = []
  const cpus: number[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    const prepared = prepare()
    const cpuStarted = cpuMicros()
    const started = performance.now()
    work(prepared)
    walls.push(((performance.now() - started) * 1000) / events)
    cpus.push((cpuMicros() - cpuStarted) / events)
  }
  return { wall: Math.min(...walls), cpu: median(cpus) }
}

const perEvent = <T>(prepare: () => T, work: (prepared: T) => void): number => timed(prepare, work).wall

/** The Kdniao push step by step, each step alone over the same push, CPU µs per event. */
function whereTheTimeGoes(body: string): BenchResult {
  const verified = verifyKdniaoPush(body, APP_KEY, nodeDigests)
  if (!verified.ok) throw new Error('bench push must verify')
  const json = JSON.parse(verified.requestData) as { Data: Array<{ Traces: Array<{ AcceptTime: string; AcceptStation: string }> }> }
  const traces = json.Data.flatMap((waybill) => waybill.Traces)
  const once = () => undefined
  const steps: Array<[string, () => void]> = [
    ['form decode', () => { parseFormBody(body) }],
    ['signature (MD5 of RequestData)', () => { kdniaoDataSign(verified.requestData, APP_KEY, nodeDigests) }],
    ['JSON.parse', () => { JSON.parse(verified.requestData) }],
    ['zod schema', () => { kdniaoPushSchema.safeParse(json) }],
    ['time strings', () => { for (const trace of traces) parseVendorTime(trace.AcceptTime) }],
    ['event ids (SHA-256)', () => { for (const trace of traces) nodeDigests.sha256Hex(`YTO|YT1000000000001|1735700000000|${trace.AcceptStation}`) }],
    ['phone masking + courier', () => { for (const trace of traces) { maskPhones(trace.AcceptStation); extractCourier(trace.AcceptStation) } }],
    ['whole read (all of the above and the rest)', () => { readKdniaoPush(body, APP_KEY, nodeDigests) }],
  ]
  return {
    label: 'where the time goes: one Kdniao push of 100 × 30, each step alone',
    figures: Object.fromEntries(steps.map(([name, step]) => [`${name} µs/event`, round2(perEvent(once, step))])),
    note: 'fastest round, µs per event; the steps overlap the whole read only where named, the rest is snapshot assembly and allocation',
  }
}

function measure(label: string, snapshotsOf: () => TrackingSnapshot[]): BenchResult {
  const snapshots = snapshotsOf()
  const merged = new Map<string, ParcelTracking>()
  mergeAll(snapshots, merged)
  const ingestNewTimes = timed(() => new Map<string, ParcelTracking>(), (states) => mergeAll(snapshotsOf(), states))
  const ingestNew = ingestNewTimes.wall
  const ingestDuplicate = perEvent(() => new Map(merged), (states) => mergeAll(snapshotsOf(), states))
  const normalise = perEvent(() => undefined, () => snapshotsOf())
  const mergeNew = perEvent(() => new Map<string, ParcelTracking>(), (states) => mergeAll(snapshots, states))
  const mergeDuplicate = perEvent(() => new Map(merged), (states) => mergeAll(snapshots, states))
  return {
    label,
    figures: {
      'waybills × events': `${WAYBILLS} × ${EVENTS_PER_WAYBILL}`,
      // The name issue 13's table uses: a new push, verified, normalised and merged.
      'core µs per event': round2(ingestNew),
      'new snapshot µs/event': round2(ingestNew),
      'new snapshot CPU µs/event (median, GC threads included)': round2(ingestNewTimes.cpu),
      'duplicate snapshot µs/event': round2(ingestDuplicate),
      'new / duplicate': round2(ingestNew / ingestDuplicate),
      'of which verify+normalise µs/event': round2(normalise),
      'merge only, new µs/event': round2(mergeNew),
      'merge only, duplicate µs/event': round2(mergeDuplicate),
    },
    note: `fastest of ${ROUNDS} rounds; a byte-identical re-push is normally stopped earlier by the inbox hash (DESIGN §3.3)`,
  }
}

const benchmark: Benchmark = {
  name: 'coreMerge',
  async run() {
    const kdniao = kdniaoBody()
    const kuaidi100 = kuaidi100Bodies()
    return [
      measure('Kdniao push, 100 waybills in one push', () => kdniaoSnapshots(kdniao)),
      measure('Kuaidi100 pushes, one waybill each', () => kuaidi100Snapshots(kuaidi100)),
      whereTheTimeGoes(kdniao),
    ]
  },
}

export default benchmark
