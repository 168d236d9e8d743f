// The weapp's weight and the cost of one live update:
// - main package and subpackage bytes of the production build (limits: 2 MB each, reference/wechat.md
//   §7; our target for the main package is under 500 KB);
// - setData calls and bytes of one live update on the tracking page, measured in miniprogram-simulate
//   by wrapping the page's setData (test/weapp/liveUpdatePayload.test.ts writes the figures), at
//   several fixed clocks (TEST_FIXED_NOW): `setData per live update` is the largest.
// Builds the weapp first (`npm run build:weapp`), so the figures describe the current source.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import * as path from 'node:path'
import type { Benchmark, BenchResult } from './types'

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'miniprogram', 'dist')
const PAYLOAD_REPORT = path.join(ROOT, 'test-results', 'weapp-live-update.json')
const LIMIT_BYTES = 2 * 1024 * 1024
const MAIN_TARGET_BYTES = 500 * 1024
/** Clocks spread over times of day and a year end: at some the live scan opens a new day group on the
 * page (the dearer update), at others it joins a day already on screen. */
const CLOCKS = ['2026-11-21T10:00:00+08:00', '2026-12-04T00:20:00+08:00', '2026-12-31T23:55:00+08:00', '2027-03-01T16:00:00+08:00']

function bytesUnder(dir: string, skip: (relative: string) => boolean, base = dir): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const relative = path.relative(base, full).split(path.sep).join('/')
    if (skip(relative)) continue
    total += entry.isDirectory() ? bytesUnder(full, skip, base) : statSync(full).size
  }
  return total
}

function subpackageRoots(): string[] {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> }
  return [...(app.subPackages ?? app.subpackages ?? [])].map((pkg) => pkg.root.replace(/\/+$/, ''))
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr.toString().slice(-2000)}`)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const benchmark: Benchmark = {
  name: 'weapp',
  async run(): Promise<BenchResult[]> {
    run('npm', ['run', '--silent', 'build:weapp'])
    const roots = subpackageRoots()
    const inSubpackage = (relative: string) => roots.some((root) => relative === root || relative.startsWith(`${root}/`))
    const main = bytesUnder(DIST, inSubpackage)
    const subpackages = Object.fromEntries(roots.map((root) => {
      const bytes = bytesUnder(path.join(DIST, root), () => false)
      return [`subpackage ${root}`, `${kb(bytes)} (${((bytes / LIMIT_BYTES) * 100).toFixed(1)} % of 2 MB)`]
    }))
    const sizes: BenchResult = {
      label: 'weapp package sizes (production build)',
      figures: {
        'main package': kb(main),
        'main package bytes': main,
        'share of 2 MB limit': `${((main / LIMIT_BYTES) * 100).toFixed(1)} %`,
        'under 500 KB target': main < MAIN_TARGET_BYTES ? 'yes' : 'no',
        subpackages: roots.length,
        ...subpackages,
      },
      note: 'limits: 2 MB main, 2 MB per subpackage (reference/wechat.md §7); target: main < 500 KB',
    }

    // The bytes depend on where the new scan falls (a new day group, or a day already shown), so the
    // same update is measured at clocks that put it in each: the figure is the largest.
    const runs = CLOCKS.map((clock) => {
      run(path.join(ROOT, 'node_modules', '.bin', 'jest'), ['test/weapp/liveUpdatePayload.test.ts', '--selectProjects', 'weapp'], { TEST_FIXED_NOW: clock })
      return { clock, ...(JSON.parse(readFileSync(PAYLOAD_REPORT, 'utf8')) as { events: number; setDataCalls: number; bytes: number; largestCallBytes: number }) }
    })
    const largest = runs.reduce((worst, candidate) => (candidate.bytes > worst.bytes ? candidate : worst))
    const update: BenchResult = {
      label: 'one live update on the tracking page (miniprogram-simulate)',
      figures: {
        'scans on the parcel': largest.events,
        'setData per live update': largest.bytes,
        'setData calls': Math.max(...runs.map((entry) => entry.setDataCalls)),
        'largest call bytes': Math.max(...runs.map((entry) => entry.largestCallBytes)),
        ...Object.fromEntries(runs.map((entry) => [`bytes at ${entry.clock}`, entry.bytes])),
      },
      note: 'goal ≤ 2 KB on any date (the largest of the clocks); platform limits 256 KB per call (audit), 1 MB hard',
    }
    return [sizes, update]
  },
}

export default benchmark
