// Builds of the app that tests load beside the shared ones (miniprogram/dist is the release weapp
// other suites run; dist-h5 the local H5 the e2e suites run): each goes to a directory of its own
// under miniprogram/dist-test, so no test ever leaves a shared output holding a variant.
//   npx tsx scripts/testBuilds.ts          builds every variant (scripts/test.ts runs this)
//   ensureTestBuild(variant)               builds one when it is missing (a test on its own)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import * as path from 'node:path'

const ROOT = path.resolve(__dirname, '..')

/** The origin the local test build is made for; test/weapp/wxNetworkBridge.ts routes it to a test cloud. */
export const TEST_LOCAL_CLOUD_URL = 'http://local-cloud.test:8787'

export const TEST_BUILDS = {
  /** `npm run build:weapp:local` as a developer runs it, for the simulate tests of the local build. */
  weappLocal: {
    script: 'build:weapp:local',
    env: { WEAPP_OUTPUT_ROOT: 'dist-test/weapp-local', LOCAL_CLOUD_URL: TEST_LOCAL_CLOUD_URL },
    dir: 'miniprogram/dist-test/weapp-local',
    entry: 'app.js',
  },
  /** `npm run build:h5`, the release H5 build, for the scan that it carries no dev adapter. */
  h5Release: {
    script: 'build:h5',
    env: { H5_OUTPUT_ROOT: 'dist-test/h5-release' },
    dir: 'miniprogram/dist-test/h5-release',
    entry: 'index.html',
  },
} as const

export type TestBuild = keyof typeof TEST_BUILDS

export function testBuildDir(variant: TestBuild): string {
  return path.join(ROOT, TEST_BUILDS[variant].dir)
}

export function buildForTests(variant: TestBuild): void {
  const build = TEST_BUILDS[variant]
  const result = spawnSync('npm', ['run', '--silent', build.script], {
    cwd: ROOT,
    env: { ...process.env, ...build.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  if (result.status !== 0)
    throw new Error(
      `npm run ${build.script} (${variant}) failed:\n${`${result.stdout}\n${result.stderr}`.split('\n').slice(-30).join('\n')}`,
    )
}

const LOCK_WAIT_MS = 600_000

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Builds the variant unless it is there. Test files run in parallel workers: one builds, the others wait for it. */
export function ensureTestBuild(variant: TestBuild): string {
  const dir = testBuildDir(variant)
  const built = () => existsSync(path.join(dir, TEST_BUILDS[variant].entry))
  const lock = `${dir}.building`
  const deadline = Date.now() + LOCK_WAIT_MS
  while (!built()) {
    try {
      mkdirSync(path.dirname(lock), { recursive: true })
      mkdirSync(lock)
    } catch {
      if (Date.now() > deadline)
        throw new Error(`waited ${LOCK_WAIT_MS / 1000} s for another worker's ${variant} build (remove ${lock} if none is running)`)
      sleepSync(500)
      continue
    }
    try {
      if (!built()) buildForTests(variant)
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
  }
  return dir
}

if (require.main === module) {
  for (const variant of Object.keys(TEST_BUILDS) as TestBuild[]) {
    const started = Date.now()
    buildForTests(variant)
    console.log(`· ${variant} → ${TEST_BUILDS[variant].dir} (${Math.round((Date.now() - started) / 1000)} s)`)
  }
}
