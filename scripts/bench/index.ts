// `npm run bench [-- <name> …]`: runs every scripts/bench/*.bench.ts (or the named ones), prints a
// table and writes bench/results.json. Never part of `npm test`: figures from a shared 2-core box are
// for comparison within one run, not for pass/fail.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Benchmark, BenchResult } from './types'

const root = path.resolve(__dirname, '..', '..')

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.bench.ts')).sort()
  const results: Array<{ benchmark: string } & BenchResult> = []
  for (const file of files) {
    const benchmark = (await import(path.join(__dirname, file))).default as Benchmark
    if (wanted.length > 0 && !wanted.includes(benchmark.name)) continue
    console.log(`\n▶ ${benchmark.name}`)
    for (const result of await benchmark.run()) {
      results.push({ benchmark: benchmark.name, ...result })
      console.log(`  ${result.label}`)
      for (const [key, value] of Object.entries(result.figures)) console.log(`    ${key.padEnd(34)} ${value}`)
      if (result.note) console.log(`    (${result.note})`)
    }
  }
  mkdirSync(path.join(root, 'bench'), { recursive: true })
  const out = path.join(root, 'bench', 'results.json')
  writeFileSync(out, JSON.stringify({
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    results,
  }, null, 2) + '\n')
  console.log(`\nwrote ${path.relative(root, out)}`)
}

main().then(() => process.exit(0), (error: unknown) => { console.error(error); process.exit(1) })
