// The baseline beside us: how the open-source malls show logistics (litemall, mall4j, CRMEB and the
// like query the aggregator's instant API every time the logistics page opens, some behind a short
// cache) against this pipeline (the vendor pushes; the page watches the parcel document; a timer polls
// only a parcel silent for 6 h). One parcel, 30 scans over three days, 100 page views: vendor queries
// and staleness (how long the oldest scan the page does not show yet has existed) per 100 views.
// A deterministic model, not a live run: the policies are the product's own (poll timer every 30 min,
// silent after 6 h, Kuaidi100's lock at 48 queries in 24 h); the vendor push delay is an assumption.
import { QUERY_RULES } from '../../server/polling/queryBudget'
import type { Benchmark, BenchResult } from './types'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
/** Assumed: the aggregator pushes a new scan within a couple of minutes (UNVERIFIED for both vendors). */
const PUSH_DELAY_MS = 2 * MINUTE
/** Our pipeline, push received → page watch onChange (bench pipeline: well under a second). */
const OUR_PIPELINE_MS = 1_000
const POLL_TIMER_MS = 30 * MINUTE // cloudfunctions/pollTracking/config.json
const POLL_SILENT_AFTER_MS = 6 * HOUR // server/config.ts default POLL_SILENT_AFTER_MINUTES
/** Kuaidi100 locks a number queried more than 48 times in 24 h, for 24 h (aggregators.md §2.8). */
const KUAIDI100_LOCK_AFTER = 48
const VIEWS = 100

/** 30 scans over three days: daytime scans every 1–3 h, one quiet night of 10 h, delivered at the end. */
function scanTimes(): number[] {
  const times: number[] = []
  let at = 0
  for (let index = 0; index < 30; index += 1) {
    times.push(at)
    at += index === 14 ? 10 * HOUR : (1 + ((index * 7) % 3)) * HOUR + ((index * 13) % 50) * MINUTE
  }
  return times
}

/** 100 views as 25 visits of 4 (open, look again after 1, 3 and 6 minutes) between `from` and `to`,
 * visits denser towards `to` (shoppers check more as delivery nears); deterministic. */
function viewTimes(from: number, to: number): number[] {
  const visits = VIEWS / 4
  return Array.from({ length: visits }, (_, index) => from + Math.round((to - from) * Math.sqrt((index + 0.5) / visits)))
    .flatMap((start) => [0, 1, 3, 6].map((offset) => start + offset * MINUTE))
    .sort((a, b) => a - b)
}

/** How long the oldest scan that exists at `view` but is not shown has existed (0: all shown). */
function staleness(scans: readonly number[], view: number, shown: (scan: number) => boolean): number {
  const missing = scans.find((scan) => scan <= view && !shown(scan))
  return missing === undefined ? 0 : view - missing
}

interface Outcome { queries: number; staleMs: number[] }

function ours(scans: readonly number[], views: readonly number[]): Outcome {
  const delivered = scans[scans.length - 1] ?? 0
  let lastHeard = 0
  let queries = 0
  // The poll timer: a parcel not finished and not heard from for 6 h is queried once.
  for (let tick = POLL_TIMER_MS; tick <= delivered; tick += POLL_TIMER_MS) {
    const pushed = scans.filter((scan) => scan + PUSH_DELAY_MS <= tick)
    lastHeard = Math.max(lastHeard, (pushed[pushed.length - 1] ?? 0) + PUSH_DELAY_MS)
    if (tick - lastHeard >= POLL_SILENT_AFTER_MS) {
      queries += 1
      lastHeard = tick
    }
  }
  return { queries, staleMs: views.map((view) => staleness(scans, view, (scan) => scan + PUSH_DELAY_MS + OUR_PIPELINE_MS <= view)) }
}

function theirs(scans: readonly number[], views: readonly number[], cacheMs: number): Outcome {
  const queriesAt: number[] = []
  let fetchedAt: number | null = null
  const staleMs = views.map((view) => {
    const cached = fetchedAt !== null && view - fetchedAt < cacheMs
    const locked = queriesAt.filter((at) => view - at < 24 * HOUR).length >= KUAIDI100_LOCK_AFTER
    if (!cached && !locked) {
      queriesAt.push(view)
      fetchedAt = view
    }
    const asOf = fetchedAt
    return staleness(scans, view, (scan) => asOf !== null && scan <= asOf)
  })
  return { queries: queriesAt.length, staleMs }
}

const minutes = (ms: number) => Math.round((ms / MINUTE) * 100) / 100
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(0.95 * values.length) - 1] ?? 0
const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : 'ours 0') : Math.round((a / b) * 100) / 100)

const benchmark: Benchmark = {
  name: 'baseline',
  async run(): Promise<BenchResult[]> {
    const scans = scanTimes()
    const delivered = scans[scans.length - 1] ?? 0
    const scenarios: Array<[string, number[]]> = [
      ['over the parcel\'s life', viewTimes(0, delivered + 12 * HOUR)],
      ['on delivery day (the last 10 h)', viewTimes(delivered - 10 * HOUR, delivered)],
    ]
    return scenarios.flatMap(([scenario, views]) => {
      const us = ours(scans, views)
      const variants: Array<[string, Outcome]> = [
        ['query on every view', theirs(scans, views, 0)],
        ['query on view, 30-min cache', theirs(scans, views, QUERY_RULES.kuaidi100.minIntervalMs)],
      ]
      return variants.map(([name, them]): BenchResult => ({
        label: `baseline ${scenario}: ${name} vs ours, per ${VIEWS} page views`,
        figures: {
          'vendor queries, ours': us.queries,
          'vendor queries, theirs': them.queries,
          'vendor queries, theirs / ours': ratio(them.queries, us.queries),
          'staleness mean min, ours': minutes(mean(us.staleMs)),
          'staleness mean min, theirs': minutes(mean(them.staleMs)),
          'staleness p95 min, ours': minutes(p95(us.staleMs)),
          'staleness p95 min, theirs': minutes(p95(them.staleMs)),
          'staleness mean, theirs / ours': ratio(mean(them.staleMs), mean(us.staleMs)),
          'views showing a stale page, ours / theirs': `${us.staleMs.filter((ms) => ms > 0).length} / ${them.staleMs.filter((ms) => ms > 0).length}`,
        },
        note: `model: 30 scans over ${Math.round(delivered / HOUR)} h; vendor push delay assumed ${PUSH_DELAY_MS / MINUTE} min; theirs locked by Kuaidi100 after ${KUAIDI100_LOCK_AFTER} queries in 24 h; ours counts the poll timer's queries over the whole parcel`,
      }))
    })
  },
}

export default benchmark
