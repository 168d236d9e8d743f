// One writer per data dir. Two devclouds appending to one op-log lose data: the second compacts the
// file away under the first, which keeps appending to a deleted inode (issue 18). So a data dir is
// locked before its log is read: `<dir>/devcloud.lock` holds the owner's pid, host, process start
// time and a random token. It is created complete and atomically (written to a private temp file,
// then hard-linked into place, which fails if the name exists). A lock whose process is gone is
// stale and is taken over: the stale file is renamed aside (only one taker can win that rename),
// checked to be the one judged stale, and the taker then links its own lock in.
import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import * as path from 'node:path'
import { z } from 'zod'

export const LOCK_FILE = 'devcloud.lock'

const holderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  /** Kernel start time of the process (Linux: /proc/<pid>/stat field 22), so a reused pid is not mistaken for the owner. */
  procStart: z.string().optional(),
  startedAt: z.string(),
  command: z.string(),
  token: z.string().min(8),
})
export type LockHolder = z.infer<typeof holderSchema>

export interface DataDirLock {
  dir: string
  holder: LockHolder
  /** The dead owner whose stale lock this one replaced, if any. */
  tookOverFrom: LockHolder | undefined
  /** The lock file still names this owner (nobody removed or replaced it). */
  isHeld(): boolean
  release(): void
}

export type LockResult =
  { ok: true; lock: DataDirLock } | { ok: false; reason: 'held' | 'unreadable'; message: string; holder?: LockHolder }

/** Thrown by startDevCloud when its persist dir is locked by another process. */
export class DataDirLockedError extends Error {
  constructor(
    message: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(message)
    this.name = 'DataDirLockedError'
  }
}

const TAKEOVER_ATTEMPTS = 3

const DEFAULT_ADVICE = 'stop that process, or give this one another dir with --persist-dir DIR, or --memory to keep nothing on disk.'

/** `advice` ends the refusal message: what the person starting this one can do instead. */
export function lockDataDir(dir: string, advice = DEFAULT_ADVICE): LockResult {
  const absolute = path.resolve(dir)
  mkdirSync(absolute, { recursive: true })
  const file = path.join(absolute, LOCK_FILE)
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    procStart: procStartOf(process.pid),
    startedAt: new Date().toISOString(),
    command: commandLine(),
    token: randomBytes(12).toString('hex'),
  }
  let tookOverFrom: LockHolder | undefined
  for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt += 1) {
    if (linkInto(file, holder)) return { ok: true, lock: heldLock(absolute, file, holder, tookOverFrom) }
    const current = readHolder(file)
    if (current === 'missing') continue
    if (current === 'unreadable') {
      return {
        ok: false,
        reason: 'unreadable',
        message: `${file} is not a devcloud lock this version can read; if no devcloud is using ${absolute}, delete the file`,
      }
    }
    if (isRunning(current)) return { ok: false, reason: 'held', holder: current, message: heldMessage(absolute, current, advice) }
    if (takeOver(file, current)) tookOverFrom = current
  }
  const current = readHolder(file)
  const holderOf = typeof current === 'string' ? undefined : current
  return {
    ok: false,
    reason: 'held',
    holder: holderOf,
    message: holderOf ? heldMessage(absolute, holderOf, advice) : `could not lock ${absolute}: another process keeps taking it`,
  }
}

/** `dev/cloud/cli.ts --port 8787` rather than the full node/tsx invocation. */
function commandLine(): string {
  const [script, ...args] = process.argv.slice(1)
  if (script === undefined) return 'node'
  return [path.relative(process.cwd(), script) || script, ...args].join(' ').slice(0, 200)
}

function heldMessage(dir: string, holder: LockHolder, advice: string): string {
  return (
    `the data dir ${dir} is in use by process ${holder.pid} (${holder.command || 'node'}, on ${holder.host} since ${holder.startedAt}). ` +
    `One local cloud per data dir: ${advice}`
  )
}

/** Creates `file` with the holder's record only if no file has that name; true if it did. */
function linkInto(file: string, holder: LockHolder): boolean {
  const temporary = `${file}.${holder.pid}.${holder.token}.tmp`
  writeFileSync(temporary, `${JSON.stringify(holder)}\n`, { flag: 'wx' })
  try {
    linkSync(temporary, file)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error
    // No hard links on this file system: exclusive create still gives one winner.
    return createExclusive(file, holder)
  } finally {
    unlinkSync(temporary)
  }
}

function createExclusive(file: string, holder: LockHolder): boolean {
  try {
    writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: 'wx' })
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** Moves a stale lock aside; if what moved was not the stale one (another taker won), puts it back. */
function takeOver(file: string, stale: LockHolder): boolean {
  const aside = `${file}.stale.${process.pid}.${randomBytes(6).toString('hex')}`
  try {
    renameSync(file, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  const moved = readHolder(aside)
  if (typeof moved !== 'string' && moved.token === stale.token) {
    unlinkSync(aside)
    return true
  }
  try {
    linkSync(aside, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  unlinkSync(aside)
  return false
}

function heldLock(dir: string, file: string, holder: LockHolder, tookOverFrom: LockHolder | undefined): DataDirLock {
  let released = false
  const isHeld = () => {
    if (released) return false
    const current = readHolder(file)
    return typeof current !== 'string' && current.token === holder.token
  }
  return {
    dir,
    holder,
    tookOverFrom,
    isHeld,
    release() {
      if (!isHeld()) return
      released = true
      unlinkSync(file)
    },
  }
}

function readHolder(file: string): LockHolder | 'missing' | 'unreadable' {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
  try {
    const parsed = holderSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : 'unreadable'
  } catch {
    return 'unreadable'
  }
}

/** False only when the owner is certainly gone: no such pid, a zombie, or the pid now belongs to a newer process. */
function isRunning(holder: LockHolder): boolean {
  // Another host's pids cannot be checked from here; its lock stands until removed by hand.
  if (holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
  }
  const stat = procStat(holder.pid)
  if (stat === undefined) return true
  if (stat.state === 'Z' || stat.state === 'X') return false
  return holder.procStart === undefined || stat.start === holder.procStart
}

function procStartOf(pid: number): string | undefined {
  return procStat(pid)?.start
}

function procStat(pid: number): { state: string; start: string } | undefined {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const state = fields[0]
  const start = fields[19]
  return state === undefined || start === undefined ? undefined : { state, start }
}
