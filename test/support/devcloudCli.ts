// `npm run devcloud` as a child process, for tests of what only a process shows (a lock held by a
// pid, SIGKILL, what it prints first). Plain `node --import tsx dev/cloud/cli.ts`: one process, so the
// pid in the lock file is the child's and a SIGKILL reaches the server itself. Every child started
// here is killed by stopAllCliClouds() (call it in afterEach/afterAll: it runs when a test fails too).
import { spawn, type ChildProcess } from 'node:child_process'
import * as path from 'node:path'

const REPO_ROOT = path.resolve(__dirname, '..', '..')
const CLI = path.join(REPO_ROOT, 'dev', 'cloud', 'cli.ts')
const KEPT_OUTPUT = 256 * 1024

export interface CliCloud {
  pid: number
  stdout(): string
  stderr(): string
  /** Resolves with the match once stdout or stderr has a line matching; rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>
  /** Resolves with the ready line's URL. */
  ready(timeoutMs?: number): Promise<string>
  /** Resolves with the exit code (null when killed by a signal); kills it after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>
  kill(signal: NodeJS.Signals): Promise<void>
}

const running = new Set<ChildProcess>()

/** `args` after `dev/cloud/cli.ts`; `--no-build` is added (tests build the bundles once, under their lock). */
export function startCliCloud(args: string[], env: Record<string, string> = {}): CliCloud {
  const baseEnv: Record<string, string> = {}
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key] !== undefined) baseEnv[key] = process.env[key] as string
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--no-build', ...args], {
    cwd: REPO_ROOT,
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-KEPT_OUTPUT)
  })
  child.stderr.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString('utf8')).slice(-KEPT_OUTPUT)
  })
  const gone = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child)
      resolve(code)
    }),
  )
  const isGone = () => child.exitCode !== null || child.signalCode !== null

  const waitForLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const find = () => {
        for (const line of `${out}\n${err}`.split('\n')) {
          const match = pattern.exec(line)
          if (match) return match
        }
        return undefined
      }
      const check = () => {
        const match = find()
        if (!match) return false
        finish()
        resolve(match)
        return true
      }
      const timer = setTimeout(() => {
        finish()
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`))
      }, timeoutMs)
      const onExit = () => {
        if (check()) return
        finish()
        reject(
          new Error(
            `devcloud exited (${child.exitCode ?? child.signalCode}) without a line matching ${pattern}; stdout:\n${out}\nstderr:\n${err}`,
          ),
        )
      }
      const finish = () => {
        clearTimeout(timer)
        child.stdout.off('data', check)
        child.stderr.off('data', check)
        child.off('exit', onExit)
      }
      if (check()) return
      child.stdout.on('data', check)
      child.stderr.on('data', check)
      if (isGone()) onExit()
      else child.once('exit', onExit)
    })

  return {
    pid: child.pid ?? -1,
    stdout: () => out,
    stderr: () => err,
    waitForLine,
    ready: async (timeoutMs = 60_000) => (await waitForLine(/^devcloud ready on (http:\/\/\S+)$/, timeoutMs))[1] ?? '',
    async exited(timeoutMs = 30_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      const code = await gone
      clearTimeout(timer)
      return code
    },
    async kill(signal) {
      if (!isGone()) child.kill(signal)
      await gone
    },
  }
}

/** SIGKILLs every child still running and waits until each is gone. */
export async function stopAllCliClouds(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGKILL')
        }),
    ),
  )
}
