// The function tests load the real bundles (cloudfunctions/<name>/index.js). Several test files run
// in parallel workers, so building is serialised by a lock directory (mkdir is atomic) and skipped
// when every bundle is newer than every source it is built from.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, rmdirSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { buildFunctions, FUNCTIONS_ROOT, listFunctions } from '../../../scripts/buildFunctions'

const ROOT = path.resolve(FUNCTIONS_ROOT, '..')
const SOURCES = ['core', 'server', 'cloudfunctions'].map((dir) => path.join(ROOT, dir))
// Outside the repository, so an interrupted run never leaves anything in the working tree.
const LOCK = path.join(tmpdir(), `functions-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`)
const LOCK_WAIT_MS = 120_000

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') newest = Math.max(newest, newestSource(full))
    } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  return newest
}

function bundlesFresh(): boolean {
  const sources = Math.max(...SOURCES.map(newestSource))
  return listFunctions().every((name) => {
    const bundle = path.join(FUNCTIONS_ROOT, name, 'index.js')
    return existsSync(bundle) && statSync(bundle).mtimeMs > sources
  })
}

export async function ensureFunctionsBuilt(): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      // A lock older than the wait is a crashed run's.
      if (Date.now() > deadline) rmdirSync(LOCK)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  try {
    if (!bundlesFresh()) await buildFunctions()
  } finally {
    rmdirSync(LOCK)
  }
}
