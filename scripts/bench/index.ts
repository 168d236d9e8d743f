// `npm run bench [-- <name> …]`: runs every scripts/bench/*.bench.ts (or the named ones), prints each
// result's figures as it goes and a summary table at the end, and writes the figures with the machine
// facts and the commit they were measured on: a full run to bench/results.json (the reference that
// docs/performance.md quotes), a partial run to bench/results.<names>.json so it never replaces it.
// Never part of `npm test`: figures from a shared 2-core box are for comparison within one run, not
// for pass/fail.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Benchmark, BenchResult } from './types'

const root = path.resolve(__dirname, '..', '..')

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root }).toString().trim() !== ''
    return dirty ? `${sha} (with uncommitted changes)` : sha
  } catch {
    return 'unknown'
  }
}

const loadAverage = () => os.loadavg().map((load) => Math.round(load * 100) / 100)

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.bench.ts')).sort()
  const benchmarks: Benchmark[] = []
  for (const file of files) benchmarks.push((await import(path.join(__dirname, file))).default as Benchmark)
  const unknown = wanted.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name))
  if (unknown.length > 0) throw new Error(`no benchmark named ${unknown.join(', ')} (have: ${benchmarks.map((benchmark) => benchmark.name).join(', ')})`)

  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}`, loadAverageAtStart: loadAverage() }
  const results: Array<{ benchmark: string } & BenchResult> = []
  const durations: Array<[string, number, number]> = []
  for (const benchmark of benchmarks) {
    if (wanted.length > 0 && !wanted.includes(benchmark.name)) continue
    console.log(`\n▶ ${benchmark.name}`)
    const started = performance.now()
    const produced = await benchmark.run()
    for (const result of produced) {
      results.push({ benchmark: benchmark.name, ...result })
      console.log(`  ${result.label}`)
      for (const [key, value] of Object.entries(result.figures)) console.log(`    ${key.padEnd(40)} ${value}`)
      if (result.note) console.log(`    (${result.note})`)
    }
    durations.push([benchmark.name, Math.round((performance.now() - started) / 100) / 10, produced.length])
  }

  console.log(`\n${'benchmark'.padEnd(16)}${'seconds'.padStart(9)}${'results'.padStart(9)}`)
  for (const [name, seconds, count] of durations) console.log(`${name.padEnd(16)}${String(seconds).padStart(9)}${String(count).padStart(9)}`)
  console.log(`${'total'.padEnd(16)}${String(Math.round(durations.reduce((sum, [, seconds]) => sum + seconds, 0) * 10) / 10).padStart(9)}`)

  mkdirSync(path.join(root, 'bench'), { recursive: true })
  const out = path.join(root, 'bench', wanted.length === 0 ? 'results.json' : `results.${wanted.join('+')}.json`)
  writeFileSync(out, JSON.stringify({
    measuredAt: new Date().toISOString(),
    commit: commit(),
    machine: { ...machine, loadAverageAtEnd: loadAverage() },
    durationsSeconds: Object.fromEntries(durations.map(([name, seconds]) => [name, seconds])),
    results,
  }, null, 2) + '\n')
  console.log(`\nwrote ${path.relative(root, out)}`)
}

main().then(() => process.exit(0), (error: unknown) => { console.error(error); process.exit(1) })
