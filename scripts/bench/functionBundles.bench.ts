// What a cold start of each cloud function costs before it does any work: the bundle's size (what is
// uploaded; core/ and server/ inlined, wx-server-sdk external), what those bytes are (esbuild's
// metafile: our code from core/, server/ and cloudfunctions/, zod, the rest), and the time to
// `require` it in a fresh Node process — the median of several processes. Each process first requires
// `wx-server-sdk` (SCF loads it from the function's node_modules on every cold start), then runs
// `cloud.init()` + `cloud.database()` as every function's module scope does (SDK work, timed apart),
// then requires the bundle: "of which own code ms" is the bundle's own load with the SDK loaded and
// initialised (its own cloud.init is then a re-init).
// Rounds interleave every function, so a machine that gets busier during the run slows all alike.
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import * as path from 'node:path'
import { buildFunctions, FUNCTIONS_ROOT, listFunctions } from '../buildFunctions'
import { median, round2 } from '../load/stats'
import type { Benchmark, BenchResult } from './types'

const RUNS = 5
const ROOT = path.resolve(__dirname, '..', '..')

/** ms to require the SDK, to init it, then to require `bundle`, in one fresh node process. */
function coldRequireMs(bundle: string): { sdkMs: number; initMs: number; bundleMs: number } {
  const script = `const t0=process.hrtime.bigint();const c=require('wx-server-sdk');const t1=process.hrtime.bigint();c.init({env:c.DYNAMIC_CURRENT_ENV});c.database({throwOnNotFound:false});const t2=process.hrtime.bigint();require(${JSON.stringify(bundle)});const t3=process.hrtime.bigint();process.stdout.write(JSON.stringify([Number(t1-t0)/1e6,Number(t2-t1)/1e6,Number(t3-t2)/1e6]));process.exit(0)`
  const [sdkMs, initMs, bundleMs] = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } as NodeJS.ProcessEnv, timeout: 60_000 }).toString()) as [number, number, number]
  return { sdkMs, initMs, bundleMs }
}

const kib = (bytes: number) => round2(bytes / 1024)

const benchmark: Benchmark = {
  name: 'functions',
  async run(): Promise<BenchResult[]> {
    const compositions = await buildFunctions()
    const names = listFunctions()
    const samples = new Map<string, { total: number[]; own: number[] }>(names.map((name) => [name, { total: [], own: [] }]))
    const sdkSamples: number[] = []
    const initSamples: number[] = []
    for (let round = 0; round < RUNS; round += 1) {
      for (const name of names) {
        const { sdkMs, initMs, bundleMs } = coldRequireMs(path.join(FUNCTIONS_ROOT, name, 'index.js'))
        sdkSamples.push(sdkMs)
        initSamples.push(initMs)
        samples.get(name)?.total.push(sdkMs + initMs + bundleMs)
        samples.get(name)?.own.push(bundleMs)
      }
    }
    const results: BenchResult[] = names.map((name) => {
      const composition = compositions.get(name)
      const bytes = composition?.totalBytes ?? statSync(path.join(FUNCTIONS_ROOT, name, 'index.js')).size
      const own = composition?.ownBytes ?? 0
      return {
        label: `cloud function ${name}`,
        figures: {
          bundle_kib: kib(bytes),
          'own code kib': kib(own),
          'zod kib': kib(composition?.zodBytes ?? 0),
          'other libraries kib': kib(composition?.otherBytes ?? 0),
          'own code share %': bytes === 0 ? 0 : Math.round((own / bytes) * 1000) / 10,
          cold_require_ms: round2(median(samples.get(name)?.total ?? [])),
          'of which own code ms': round2(median(samples.get(name)?.own ?? [])),
        },
      }
    })
    const sizes = results.map((result) => Number(result.figures.bundle_kib))
    const ownMs = results.map((result) => Number(result.figures['of which own code ms']))
    results.push({
      label: 'own code per function: bundle / cold require',
      figures: { 'bundle kib, max': Math.max(...sizes), 'bundle kib, min': Math.min(...sizes), 'cold require own code ms, max': Math.max(...ownMs), 'cold require own code ms, min': Math.min(...ownMs) },
      note: 'goal ≤ 150 KiB / ≤ 30 ms; bundle = everything uploaded besides wx-server-sdk (own code + zod + dayjs); ms = the bundle\'s require after the SDK is loaded and initialised',
    })
    results.push({
      label: 'wx-server-sdk alone (baseline of every function)',
      figures: { cold_require_ms: round2(median(sdkSamples)), 'cloud.init + database ms': round2(median(initSamples)) },
      note: `median of ${RUNS} fresh node processes per function`,
    })
    return results
  },
}

export default benchmark
