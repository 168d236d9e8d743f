// The push route under load (scripts/load): a devcloud in its own process (so the generator does not
// share its core), 50 and then 200 connections for 15 s each, new / duplicate / out-of-order / forged
// pushes mixed. Reports the throughput and latency it held, and whether the correctness properties
// held while it did (every valid push acked, every forged one refused, the final state equal to the
// order-independent expectation) — the short version of the same run is a test in `npm test`.
import { buildFunctions } from '../buildFunctions'
import { startDevcloudProcess } from '../load/devcloudProcess'
import { loadFunctionEnv } from '../load/loadTarget'
import { loadFailures, runPushLoad, type PushLoadReport } from '../load/pushLoad'
import type { Benchmark, BenchResult } from './types'
import { nth } from '../../test/support/nth'

const RUNS = [{ connections: 50, parcels: 200 }, { connections: 200, parcels: 400 }]
const DURATION_MS = 15_000

function result(report: PushLoadReport): BenchResult {
  const failures = loadFailures(report)
  return {
    label: `push route, ${report.connections} connections for ${DURATION_MS / 1000} s (${report.parcels} parcels)`,
    figures: {
      requests: report.requests,
      'new / duplicate / out-of-order / forged': `${report.sent.new} / ${report.sent.duplicate} / ${report.sent['out-of-order']} / ${report.sent.forged}`,
      requests_per_s: report.requestsPerSecond,
      valid_pushes_per_s: report.validPerSecond,
      p50_ms: report.latency.p50_ms,
      p95_ms: report.latency.p95_ms,
      p99_ms: report.latency.p99_ms,
      max_ms: report.latency.max_ms,
      'valid pushes refused': report.validRefused,
      'forged pushes accepted': report.forgedAccepted,
      'no answer': report.transportErrors,
      'final state': report.mismatches.length === 0 ? 'as expected' : `${report.mismatches.length} parcel(s) differ`,
      properties: failures.length === 0 ? 'held' : `FAILED: ${failures.join('; ')}`,
    },
    note: 'latency = POST to answer of valid pushes; the receiver runs in-process in the devcloud, one Node process on one core',
  }
}

const benchmark: Benchmark = {
  name: 'load',
  async run(): Promise<BenchResult[]> {
    await buildFunctions()
    const results: BenchResult[] = []
    for (const [index, run] of RUNS.entries()) {
      // A fresh devcloud per run: the second run does not start on the first one's data.
      const devcloud = await startDevcloudProcess({ port: 0, env: loadFunctionEnv() })
      try {
        results.push(result(await runPushLoad({ cloudUrl: devcloud.url, connections: run.connections, durationMs: DURATION_MS, parcels: run.parcels, seed: index + 1 })))
      } finally {
        await devcloud.stop()
      }
    }
    const [low, high] = [nth(results, 0), nth(results, 1)]
    const [few, many] = [nth(RUNS, 0).connections, nth(RUNS, 1).connections]
    results.push({
      label: 'load ratios in this run',
      figures: {
        [`throughput ${many} / ${few} connections`]: Math.round((Number(high.figures.requests_per_s) / Number(low.figures.requests_per_s)) * 100) / 100,
        [`p95 ${many} / ${few} connections`]: Math.round((Number(high.figures.p95_ms) / Number(low.figures.p95_ms)) * 100) / 100,
      },
      note: 'throughput flat while latency grows with connections = the receiver is saturated, requests queue',
    })
    return results
  },
}

export default benchmark
