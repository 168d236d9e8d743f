// `npm test`: type-check, build what the tests load (function bundles, the weapp and the H5 app),
// run every jest project, and end with the plain line CI reads: `N passed, N failed`.
// Usage: npm test [-- --skip-build] [-- <jest args>]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const root = path.resolve(__dirname, '..')
const args = process.argv.slice(2)
const skipBuild = args.includes('--skip-build')
const jestArgs = args.filter((arg) => arg !== '--skip-build')

function run(label: string, command: string, commandArgs: string[]): boolean {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`)
  return result.status === 0
}

const npx = (tool: string) => path.join(root, 'node_modules', '.bin', tool)
const steps: Array<[string, string, string[]]> = [['typecheck', npx('tsc'), ['-p', 'tsconfig.json']]]
if (!skipBuild) {
  steps.push(
    ['build cloud functions', npx('tsx'), ['scripts/buildFunctions.ts']],
    ['build weapp', 'npm', ['run', '--silent', 'build:weapp']],
    ['build h5', 'npm', ['run', '--silent', 'build:h5']],
  )
}

let failedSteps = 0
for (const [label, command, commandArgs] of steps) if (!run(label, command, commandArgs)) failedSteps += 1

const report = path.join(mkdtempSync(path.join(tmpdir(), 'jest-report-')), 'report.json')
run('jest', npx('jest'), ['--json', `--outputFile=${report}`, ...jestArgs])

let passed = 0
let failed = failedSteps
try {
  const summary = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number
  }
  passed = summary.numPassedTests
  // A suite that crashes before its tests run reports no failed test; count it so it cannot hide.
  failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites
} catch {
  failed += 1
  console.error('jest wrote no report')
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
