// `npm test`: type-check, lint, build what the tests load (function bundles, the weapp and H5 apps and their
// test variants),
// run every jest project under a watchdog, and end with the plain line CI reads: `N passed, N failed`.
// Usage: npm test [-- --skip-build] [-- <jest args>]
// Limits: TEST_RUN_MINUTES (default 45) for the whole jest run; a run that finished but does not exit
// within TEST_EXIT_GRACE_SECONDS (default 30) has left a handle open and counts as one failure.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { readProgress, runJestWithWatchdog } from './testWatchdog'

const root = path.resolve(__dirname, '..')
const args = process.argv.slice(2)
const skipBuild = args.includes('--skip-build')
const jestArgs = args.filter((arg) => arg !== '--skip-build')

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!(value > 0)) throw new Error(`${name} must be a positive number, not "${process.env[name]}"`)
  return value
}

function run(label: string, command: string, commandArgs: string[]): boolean {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`)
  return result.status === 0
}

const npx = (tool: string) => path.join(root, 'node_modules', '.bin', tool)
const steps: Array<[string, string, string[]]> = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  // Layering (DESIGN §2), cycles, hooks rules and one format: eslint . && prettier --check .
  ['lint', 'npm', ['run', '--silent', 'lint']],
]
if (!skipBuild) {
  steps.push(
    ['build cloud functions', npx('tsx'), ['scripts/buildFunctions.ts']],
    ['build weapp', 'npm', ['run', '--silent', 'build:weapp']],
    // The H5 app the e2e suites drive talks to the local cloud; the release H5 is one of the test variants.
    ['build h5 (local cloud)', 'npm', ['run', '--silent', 'build:h5:local']],
    ['build test variants (weapp local, h5 release)', npx('tsx'), ['scripts/testBuilds.ts']],
  )
}

async function main(): Promise<void> {
  let failedSteps = 0
  for (const [label, command, commandArgs] of steps) if (!run(label, command, commandArgs)) failedSteps += 1

  const workDir = mkdtempSync(path.join(tmpdir(), 'jest-report-'))
  const report = path.join(workDir, 'report.json')
  const progressFile = path.join(workDir, 'progress.jsonl')
  console.log('\n▶ jest')
  const end = await runJestWithWatchdog(
    npx('jest'),
    ['--json', `--outputFile=${report}`, '--reporters=default', '--reporters=./test/jest/progressReporter.js', ...jestArgs],
    {
      cwd: root,
      env: { ...process.env, JEST_PROGRESS_FILE: progressFile },
      reportFile: report,
      limits: { runMs: positive('TEST_RUN_MINUTES', 45) * 60_000, exitGraceMs: positive('TEST_EXIT_GRACE_SECONDS', 30) * 1000 },
    },
  )

  let passed = 0
  let failed = failedSteps
  if (end.kind === 'stuck') {
    // No report: count what finished, and each file still running as a failure.
    const progress = readProgress(progressFile)
    passed = progress.passed
    failed += progress.failed + Math.max(1, progress.running.length)
    console.error(`\n✖ jest was still running after ${Math.round(end.afterMs / 60_000)} min and was stopped. Still running:`)
    for (const file of progress.running) console.error(`    ${path.relative(root, file)}`)
  } else {
    if (end.kind === 'did-not-exit') {
      failed += 1
      console.error(
        `\n✖ jest finished but did not exit within ${end.graceMs / 1000} s: a test left a handle open (timer, socket, server). Find it with: npx jest --detectOpenHandles <file>`,
      )
    }
    try {
      const summary = JSON.parse(readFileSync(report, 'utf8')) as {
        numPassedTests: number
        numFailedTests: number
        numRuntimeErrorTestSuites: number
      }
      passed = summary.numPassedTests
      // A suite that crashes before its tests run reports no failed test; count it so it cannot hide.
      failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites
    } catch {
      failed += 1
      console.error('jest wrote no report')
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`)
  process.exit(failed === 0 && passed > 0 ? 0 : 1)
}

void main()
