// Starts devcloudChild.ts as a child process and manages its life: wait for the ready line (bounded),
// stop it (SIGTERM, then SIGKILL if it hangs), or kill it outright the way a crash would.
// The child is plain `node --import tsx`, one process, so a SIGKILL reaches the server itself.
import { spawn, type ChildProcess } from 'node:child_process'
import * as path from 'node:path'

const REPO_ROOT = path.resolve(__dirname, '..', '..')
const CHILD = path.join(__dirname, 'devcloudChild.ts')
const KEPT_OUTPUT = 64 * 1024

export interface DevcloudProcessOptions {
  /** 0 picks a free port; give the same port to a restart so the aggregator's retries find it. */
  port: number
  persistDir?: string
  /** The functions' environment (credentials…), on top of PATH/HOME/TMPDIR/LANG only. */
  env: Record<string, string>
  readyTimeoutMs?: number
}

export interface DevcloudProcess {
  url: string
  pid: number
  /** What the child printed (the last 64 KB), for failure messages. */
  output(): string
  /** SIGKILL, as a crash: no shutdown code runs. Resolves when the process is gone. */
  kill(): Promise<void>
  /** SIGTERM and wait; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

export async function startDevcloudProcess(options: DevcloudProcessOptions): Promise<DevcloudProcess> {
  const args = ['--import', 'tsx', CHILD, '--port', String(options.port)]
  if (options.persistDir) args.push('--persist-dir', options.persistDir)
  const baseEnv: Record<string, string> = {}
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key] !== undefined) baseEnv[key] = process.env[key] as string
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...baseEnv, ...options.env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)

  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`devcloud child not ready within ${readyTimeoutMs} ms:\n${output}`))
    }, readyTimeoutMs)
    const onData = () => {
      const url = /devcloud ready on (http:\/\/\S+)/.exec(output)?.[1]
      if (url === undefined) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.off('exit', onExit)
      resolve(url)
    }
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer)
      reject(new Error(`devcloud child exited (${code ?? signal}) before it was ready:\n${output}`))
    }
    child.stdout.on('data', onData)
    child.once('exit', onExit)
  })

  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    async kill() {
      child.kill('SIGKILL')
      await exited(child)
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited(child)
      clearTimeout(timer)
    },
  }
}
