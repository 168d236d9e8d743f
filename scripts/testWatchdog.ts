// Keeps `npm test` bounded. Two ways a jest run can fail to end: a test that never settles (the
// run itself is stuck), and a run that finished but whose process stays alive on an open handle.
// Either way the watchdog kills jest's process group, says which and what was still running, and
// the caller still prints `N passed, N failed` from what was recorded.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

export interface WatchdogLimits {
  /** The whole jest run. */
  runMs: number
  /** From the report being written to the process exiting. */
  exitGraceMs: number
}

export type JestEnd =
  | { kind: 'exited'; code: number | null }
  | { kind: 'stuck'; afterMs: number; running: string[] }
  | { kind: 'did-not-exit'; graceMs: number }

export interface Progress {
  passed: number
  failed: number
  running: string[]
}

/** What the progress reporter (test/jest/progressReporter.js) recorded so far. */
export function readProgress(file: string): Progress {
  const progress: Progress = { passed: 0, failed: 0, running: [] }
  if (!existsSync(file)) return progress
  const running = new Set<string>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const record = JSON.parse(line) as { kind: string; path: string; passed?: number; failed?: number; crashed?: boolean }
    if (record.kind === 'start') running.add(record.path)
    if (record.kind === 'result') {
      running.delete(record.path)
      progress.passed += record.passed ?? 0
      progress.failed += (record.failed ?? 0) + (record.crashed ? 1 : 0)
    }
  }
  progress.running = [...running]
  return progress
}

export function runJestWithWatchdog(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; reportFile: string; limits: WatchdogLimits },
): Promise<JestEnd> {
  return new Promise((resolve) => {
    // Its own process group, so a kill reaches jest's workers and anything they started.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'inherit', detached: true })
    const started = Date.now()
    let settled = false
    let reportSeenAt: number | null = null
    const finish = (end: JestEnd) => {
      if (settled) return
      settled = true
      clearInterval(ticker)
      resolve(end)
    }
    const killGroup = () => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL')
      } catch {
        /* already gone */
      }
    }
    const ticker = setInterval(() => {
      const now = Date.now()
      if (reportSeenAt === null && existsSync(options.reportFile)) reportSeenAt = now
      if (reportSeenAt !== null && now - reportSeenAt > options.limits.exitGraceMs) {
        killGroup()
        finish({ kind: 'did-not-exit', graceMs: options.limits.exitGraceMs })
      } else if (now - started > options.limits.runMs) {
        killGroup()
        const progressFile = options.env.JEST_PROGRESS_FILE
        finish({ kind: 'stuck', afterMs: now - started, running: progressFile ? readProgress(progressFile).running : [] })
      }
    }, 1000)
    child.on('exit', (code) => finish({ kind: 'exited', code }))
    // A parent stopped with Ctrl-C or by CI takes the jest group with it.
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        killGroup()
        process.exit(130)
      })
  })
}
