import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import * as path from 'node:path'
import { LOCK_FILE, lockDataDir, type DataDirLock, type LockHolder } from './lock'

let dir: string
const held: DataDirLock[] = []
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'devcloud-lock-'))
})
afterEach(() => {
  for (const lock of held.splice(0)) lock.release()
  rmSync(dir, { recursive: true, force: true })
})

function lock(): DataDirLock {
  const result = lockDataDir(dir)
  if (!result.ok) throw new Error(result.message)
  held.push(result.lock)
  return result.lock
}

/** A pid that certainly existed and has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  if (child.pid === undefined) throw new Error('could not start a child process')
  return child.pid
}

function writeHolder(holder: Partial<LockHolder>): void {
  const full: LockHolder = {
    pid: 1,
    host: hostname(),
    startedAt: '2026-03-01T00:00:00.000Z',
    command: 'dev/cloud/cli.ts',
    token: 'stale-token-0001',
    ...holder,
  }
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(full))
}

test('the lock file names its owner; a second taker is refused with the holder and the flags to use instead', () => {
  const first = lock()
  expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
    pid: process.pid,
    host: hostname(),
    token: first.holder.token,
  })
  const second = lockDataDir(dir)
  expect(second).toMatchObject({ ok: false, reason: 'held', holder: { pid: process.pid } })
  if (second.ok) return
  expect(second.message).toContain(`in use by process ${process.pid}`)
  expect(second.message).toContain('--persist-dir DIR')
  expect(second.message).toContain('--memory')
  // Nothing is left behind by the refused attempt.
  expect(readdirSync(dir)).toEqual([LOCK_FILE])
})

test('release frees the dir for the next owner', () => {
  lock().release()
  expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false)
  expect(lock().isHeld()).toBe(true)
})

test.each([
  ['a pid that has exited', () => ({ pid: deadPid() })],
  ['a live pid that belongs to a newer process (pid reuse)', () => ({ pid: process.pid, procStart: '1' })],
])('a stale lock (%s) is taken over', (_name, holder) => {
  writeHolder(holder())
  const taken = lock()
  expect(taken.tookOverFrom).toMatchObject({ token: 'stale-token-0001' })
  expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, token: taken.holder.token })
  expect(readdirSync(dir)).toEqual([LOCK_FILE])
})

test('a lock held on another host is never judged stale from here', () => {
  writeHolder({ pid: deadPid(), host: 'some-other-host' })
  expect(lockDataDir(dir)).toMatchObject({ ok: false, reason: 'held', holder: { host: 'some-other-host' } })
})

test('an unreadable lock file is refused, not overwritten', () => {
  writeFileSync(path.join(dir, LOCK_FILE), 'garbage')
  const result = lockDataDir(dir)
  expect(result).toMatchObject({ ok: false, reason: 'unreadable' })
  expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe('garbage')
})

test('an owner whose lock was replaced no longer holds it, and its release leaves the new lock alone', () => {
  const first = lock()
  writeHolder({ pid: process.pid, token: 'someone-else-0001' })
  expect(first.isHeld()).toBe(false)
  first.release()
  expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ token: 'someone-else-0001' })
})
