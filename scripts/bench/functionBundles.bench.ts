// What a cold start of each cloud function costs before it does any work: the bundle's size (what is
// uploaded; core/ and server/ inlined, wx-server-sdk external) and the time to `require` it in a
// fresh Node process — the median of several processes, each measured inside the process from just
// before the require to just after it. Rounds interleave every target, so a machine that gets busier
// during the run slows all of them alike. `wx-server-sdk` alone is measured the same way, so the
// function's own share shows (SCF loads the SDK from the function's node_modules on every cold start).
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import * as path from 'node:path'
import { buildFunctions, FUNCTIONS_ROOT, listFunctions } from '../buildFunctions'
import { median, round2 } from '../load/stats'
import type { Benchmark, BenchResult } from './types'

const RUNS = 5
const ROOT = path.resolve(__dirname, '..', '..')

/** ms to require `target` in a fresh node process (module scope runs: cloud.init, schemas…). */
function coldRequireMs(target: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));process.exit(0)`
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } as NodeJS.ProcessEnv, timeout: 60_000 }).toString())
}

const benchmark: Benchmark = {
  name: 'functions',
  async run(): Promise<BenchResult[]> {
    await buildFunctions()
    const targets = new Map<string, string>([['wx-server-sdk', 'wx-server-sdk'], ...listFunctions().map((name): [string, string] => [name, path.join(FUNCTIONS_ROOT, name, 'index.js')])])
    const samples = new Map<string, number[]>([...targets.keys()].map((name) => [name, []]))
    for (let round = 0; round < RUNS; round += 1) {
      for (const [name, target] of targets) samples.get(name)?.push(coldRequireMs(target))
    }
    const coldMs = (name: string) => round2(median(samples.get(name) ?? []))
    const sdkMs = coldMs('wx-server-sdk')
    const results: BenchResult[] = listFunctions().map((name) => ({
      label: `cloud function ${name}`,
      figures: {
        bundle_kib: round2(statSync(targets.get(name) ?? '').size / 1024),
        cold_require_ms: coldMs(name),
        'of which own code ms': round2(coldMs(name) - sdkMs),
      },
    }))
    results.push({
      label: 'wx-server-sdk alone (baseline of every function)',
      figures: { cold_require_ms: sdkMs },
      note: `median of ${RUNS} fresh node processes each; "own code" = function − this baseline`,
    })
    return results
  },
}

export default benchmark
