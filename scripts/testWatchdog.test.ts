// The watchdog on real child processes standing in for jest: one that ends, one that writes its
// report and then hangs on an open handle, one that never finishes. Limits are short and bounded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { readProgress, runJestWithWatchdog } from './testWatchdog'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'watchdog-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function fakeJest(body: string): { command: string; args: string[]; report: string; progress: string } {
  const report = path.join(dir, 'report.json')
  const progress = path.join(dir, 'progress.jsonl')
  const script = path.join(dir, 'fake-jest.js')
  writeFileSync(script, body)
  return { command: process.execPath, args: [script, report, progress], report, progress }
}

const run = (fake: ReturnType<typeof fakeJest>, limits = { runMs: 4000, exitGraceMs: 1500 }) =>
  runJestWithWatchdog(fake.command, fake.args, {
    cwd: dir,
    env: { ...process.env, JEST_PROGRESS_FILE: fake.progress },
    reportFile: fake.report,
    limits,
  })

test('a run that ends is reported with its exit code', async () => {
  const fake = fakeJest(`require('fs').writeFileSync(process.argv[2], '{}'); process.exit(3)`)
  await expect(run(fake)).resolves.toEqual({ kind: 'exited', code: 3 })
})

test('a run that wrote its report but stays alive is stopped after the grace period', async () => {
  const fake = fakeJest(`require('fs').writeFileSync(process.argv[2], '{}'); setInterval(() => {}, 1000)`)
  await expect(run(fake)).resolves.toEqual({ kind: 'did-not-exit', graceMs: 1500 })
})

test('a stuck run is stopped at its limit, naming the files still running', async () => {
  const fake = fakeJest(`
    const fs = require('fs'); const progress = process.argv[3]
    fs.appendFileSync(progress, JSON.stringify({ kind: 'start', path: '/t/a.test.ts' }) + '\\n')
    fs.appendFileSync(progress, JSON.stringify({ kind: 'result', path: '/t/a.test.ts', passed: 4, failed: 1, crashed: false }) + '\\n')
    fs.appendFileSync(progress, JSON.stringify({ kind: 'start', path: '/t/stuck.test.ts' }) + '\\n')
    setInterval(() => {}, 1000)`)
  const end = await run(fake, { runMs: 1500, exitGraceMs: 1500 })
  expect(end).toMatchObject({ kind: 'stuck', running: ['/t/stuck.test.ts'] })
  expect(readProgress(fake.progress)).toEqual({ passed: 4, failed: 1, running: ['/t/stuck.test.ts'] })
})

test('a file that crashed counts as a failure in the progress', () => {
  const file = path.join(dir, 'progress.jsonl')
  writeFileSync(
    file,
    [
      JSON.stringify({ kind: 'start', path: '/t/b.test.ts' }),
      JSON.stringify({ kind: 'result', path: '/t/b.test.ts', passed: 0, failed: 0, crashed: true }),
      '',
    ].join('\n'),
  )
  expect(readProgress(file)).toEqual({ passed: 0, failed: 1, running: [] })
  expect(readProgress(path.join(dir, 'absent.jsonl'))).toEqual({ passed: 0, failed: 0, running: [] })
})
