// The push-route load generator: ships `parcels` load parcels through the real functions (createOrder,
// backfillTracking), then keeps `connections` pushes in flight against POST /tracking/push/kdniao for
// `durationMs` — new, duplicate, out-of-order and forged pushes mixed (loadPlan.ts) — and finally
// reads every parcel back and compares it with the order-independent expectation (loadStories.ts).
// Talks to the devcloud only over HTTP, so the devcloud may run in another process.
import { performance } from 'node:perf_hooks'
import { DEV_KDNIAO } from '../../dev/aggregators'
import { devcloudRest, type DevcloudRest } from './devcloudRest'
import { FORM_HEADERS, request } from './http'
import { LoadPlan, PUSH_KINDS, seededRandom, type PlannedPush, type PushKind } from './loadPlan'
import { expectedParcel } from './loadStories'
import { LOAD_MERCHANT, LOAD_PRODUCT, LOAD_SHOPPER } from './loadTarget'
import { latencySummary, round2, type LatencySummary } from './stats'

export interface PushLoadOptions {
  cloudUrl: string
  /** Pushes kept in flight at once, each on its own connection. */
  connections: number
  /** How long new pushes are started; the run ends when the last one is answered. */
  durationMs: number
  parcels: number
  seed?: number
  /** First tracking number (13 digits after YT); distinct bases keep runs on one devcloud apart. */
  numberBase?: number
}

export interface Mismatch {
  parcelId: string
  problem: string
}

export interface PushLoadReport {
  connections: number
  parcels: number
  /** From the first push sent to the last answer received. */
  elapsedMs: number
  requests: number
  sent: Record<PushKind, number>
  /** Valid pushes answered with anything but HTTP 200 and the Kdniao ack `Success: true`. */
  validRefused: number
  /** Forged pushes answered with anything but 401 and `Success: false`. */
  forgedAccepted: number
  transportErrors: number
  /** The first few unexpected answers, to read when a count is not zero. */
  samples: string[]
  requestsPerSecond: number
  validPerSecond: number
  /** Valid pushes, POST to answer. */
  latency: LatencySummary
  mismatches: Mismatch[]
}

const PARCELS_PER_ORDER = 2
const BACKFILL_BATCH = 500
const SETUP_CONCURRENCY = 8
const PUSH_TIMEOUT_MS = 30_000
const MAX_SAMPLES = 5

async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  // One iterator shared by the workers: each takes the next item when it is free.
  const queue = items.values()
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (const item of queue) await work(item)
    }),
  )
}

type Placed = { ok: true; orderId: string } | { ok: false; message: string }
type Backfilled = { ok: true; results: Array<{ ok: boolean; reason?: string }> } | { ok: false; message: string }

/** Creates the orders and backfills their numbers; returns the parcel ids in tracking-number order. */
async function shipLoadParcels(rest: DevcloudRest, trackingNos: readonly string[]): Promise<string[]> {
  const orderCount = Math.ceil(trackingNos.length / PARCELS_PER_ORDER)
  const orderIds: string[] = new Array(orderCount)
  await inPool(
    Array.from({ length: orderCount }, (_, index) => index),
    SETUP_CONCURRENCY,
    async (index) => {
      const placed = await rest.invoke<Placed>(
        'createOrder',
        {
          items: [{ productId: LOAD_PRODUCT._id, quantity: PARCELS_PER_ORDER }],
          address: {
            userName: '压测',
            telNumber: '13800000000',
            provinceName: '上海市',
            cityName: '上海市',
            countyName: '浦东新区',
            detailInfo: '压测路 1 号',
            postalCode: '200120',
          },
        },
        LOAD_SHOPPER,
      )
      if (!placed.ok) throw new Error(`load setup: createOrder refused: ${placed.message}`)
      orderIds[index] = placed.orderId
    },
  )
  const entries = trackingNos.map((trackingNo, index) => ({
    orderId: orderIds[Math.floor(index / PARCELS_PER_ORDER)],
    trackingNo,
    carrier: 'YTO',
  }))
  for (let start = 0; start < entries.length; start += BACKFILL_BATCH) {
    const result = await rest.invoke<Backfilled>(
      'backfillTracking',
      { entries: entries.slice(start, start + BACKFILL_BATCH) },
      LOAD_MERCHANT,
    )
    const refused = result.ok ? result.results.filter((entry) => !entry.ok) : []
    if (!result.ok || refused.length > 0)
      throw new Error(`load setup: backfill refused: ${result.ok ? refused[0]?.reason : result.message}`)
  }
  return trackingNos.map((trackingNo) => `YTO:${trackingNo}`)
}

interface StoredParcel {
  events: Array<{ at: number; text: string }>
  status: string
  orderId: string
}
interface StoredOrder {
  parcels: Array<{ parcelId: string; lastEvent?: { text: string } | null }>
}

async function verify(rest: DevcloudRest, parcelIds: readonly string[], plan: LoadPlan): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = []
  await inPool(
    parcelIds.map((parcelId, index) => ({ parcelId, index })),
    SETUP_CONCURRENCY,
    async ({ parcelId, index }) => {
      const expected = expectedParcel(index, plan.scansCarried(index))
      const parcel = await rest.get<StoredParcel>('parcels', parcelId)
      if (!parcel) return void mismatches.push({ parcelId, problem: 'parcel missing' })
      const events = parcel.events.map((event) => ({ at: event.at, text: event.text }))
      if (JSON.stringify(events) !== JSON.stringify(expected.events)) {
        mismatches.push({
          parcelId,
          problem: `events: ${events.length} stored, ${expected.events.length} expected; newest stored ${events[0]?.text ?? '—'}`,
        })
      }
      if (parcel.status !== expected.status) mismatches.push({ parcelId, problem: `status ${parcel.status}, expected ${expected.status}` })
      const order = await rest.get<StoredOrder>('orders', parcel.orderId)
      const summary = order?.parcels.find((candidate) => candidate.parcelId === parcelId)
      if ((summary?.lastEvent?.text ?? null) !== (expected.events[0]?.text ?? null)) {
        mismatches.push({ parcelId, problem: `order summary's last event is ${summary?.lastEvent?.text ?? '—'}` })
      }
    },
  )
  return mismatches
}

/** The correctness properties a run must hold, as sentences; empty when all held. */
export function loadFailures(report: PushLoadReport): string[] {
  const failures: string[] = []
  if (report.validRefused > 0) failures.push(`${report.validRefused} valid push(es) answered with an error`)
  if (report.forgedAccepted > 0) failures.push(`${report.forgedAccepted} forged push(es) not refused`)
  if (report.transportErrors > 0) failures.push(`${report.transportErrors} push(es) got no answer`)
  if (report.mismatches.length > 0)
    failures.push(
      `${report.mismatches.length} parcel(s) differ from the expectation, e.g. ${report.mismatches[0]?.parcelId}: ${report.mismatches[0]?.problem}`,
    )
  return failures
}

const isAck = (answer: { status: number; body: string }, success: boolean) => {
  try {
    return (JSON.parse(answer.body) as { Success?: unknown }).Success === success
  } catch {
    return false
  }
}

export async function runPushLoad(options: PushLoadOptions): Promise<PushLoadReport> {
  const rest = devcloudRest(options.cloudUrl)
  const numberBase = options.numberBase ?? 9_700_000_000_000
  const trackingNos = Array.from({ length: options.parcels }, (_, index) => `YT${numberBase + index}`)
  const parcelIds = await shipLoadParcels(rest, trackingNos)
  const plan = new LoadPlan(trackingNos, DEV_KDNIAO, seededRandom(options.seed ?? 1))
  const url = `${options.cloudUrl}/tracking/push/kdniao`

  const sent = Object.fromEntries(PUSH_KINDS.map((kind) => [kind, 0])) as Record<PushKind, number>
  const latencies: number[] = []
  const samples: string[] = []
  let validRefused = 0
  let forgedAccepted = 0
  let transportErrors = 0
  const note = (push: PlannedPush, what: string) => {
    if (samples.length < MAX_SAMPLES) samples.push(`${push.kind}: ${what}`)
  }

  const started = performance.now()
  const deadline = started + options.durationMs
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const push = plan.next()
        sent[push.kind] += 1
        const posted = performance.now()
        let answer: { status: number; body: string }
        try {
          answer = await request('POST', url, push.body, FORM_HEADERS, PUSH_TIMEOUT_MS)
        } catch (error) {
          transportErrors += 1
          note(push, (error as Error).message)
          continue
        }
        if (push.valid) {
          latencies.push(performance.now() - posted)
          if (answer.status !== 200 || !isAck(answer, true)) {
            validRefused += 1
            note(push, `HTTP ${answer.status} ${answer.body.slice(0, 200)}`)
          }
        } else if (answer.status !== 401 || !isAck(answer, false)) {
          forgedAccepted += 1
          note(push, `HTTP ${answer.status} ${answer.body.slice(0, 200)}`)
        }
      }
    }),
  )
  const elapsedMs = performance.now() - started
  if (latencies.length === 0) throw new Error(`no valid push was answered: ${samples.join(' | ')}`)
  const requests = PUSH_KINDS.reduce((sum, kind) => sum + sent[kind], 0)
  return {
    connections: options.connections,
    parcels: options.parcels,
    elapsedMs: round2(elapsedMs),
    requests,
    sent,
    validRefused,
    forgedAccepted,
    transportErrors,
    samples,
    requestsPerSecond: round2(requests / (elapsedMs / 1000)),
    validPerSecond: round2(latencies.length / (elapsedMs / 1000)),
    latency: latencySummary(latencies),
    mismatches: await verify(rest, parcelIds, plan),
  }
}
