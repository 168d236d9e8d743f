// Package sizes of the weapp build (reference/wechat.md §7: main package and each subpackage at most
// 2 MB; our goal is a main package under 1.5 MB). Reads miniprogram/dist as built — run
// `npm run build:weapp` first. Files under a subpackage root (app.json `subPackages`) count for that
// subpackage, everything else for the main package shoppers download up front.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import * as path from 'node:path'
import type { Benchmark, BenchResult } from './types'

const DIST = path.resolve(__dirname, '..', '..', 'miniprogram', 'dist')
const LIMIT = 2 * 1024 * 1024

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? files(full) : [full]
  })
}

const benchmark: Benchmark = {
  name: 'weapp',
  async run(): Promise<BenchResult[]> {
    if (!existsSync(path.join(DIST, 'app.json'))) throw new Error('miniprogram/dist is missing: run `npm run build:weapp` first')
    const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
    const roots = (app.subPackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
    const bytes = new Map<string, number>([['main', 0], ...roots.map((root): [string, number] => [root, 0])])
    for (const file of files(DIST)) {
      const relative = path.relative(DIST, file).split(path.sep).join('/')
      const owner = roots.find((root) => relative.startsWith(`${root}/`)) ?? 'main'
      bytes.set(owner, (bytes.get(owner) ?? 0) + statSync(file).size)
    }
    return [...bytes].map(([name, size]) => ({
      label: name === 'main' ? 'main package (downloaded by every shopper)' : `subpackage ${name}`,
      figures: { bytes: size, kib: Math.round(size / 102.4) / 10, shareOf2MiB: `${Math.round((size / LIMIT) * 1000) / 10}%` },
      note: 'limit 2 MiB per package (reference/wechat.md §7)',
    }))
  },
}

export default benchmark
