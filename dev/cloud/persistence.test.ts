import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { LOCK_FILE } from './lock'
import { LOG_FILE, OpLog, OpLogCorruptError, type OpLogOptions } from './persistence'
import { Store } from './store'

let dir: string
const open: OpLog[] = []
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'devcloud-oplog-'))
})
afterEach(() => {
  for (const log of open.splice(0)) log.close()
  rmSync(dir, { recursive: true, force: true })
})

function reopen(options: OpLogOptions = {}): { store: Store; log: OpLog; replay: { records: number; droppedTornLine: boolean } } {
  const store = new Store(['orders'])
  const { log, replay } = OpLog.open(dir, store, options)
  open.push(log)
  store.setJournal(log)
  return { store, log, replay }
}

const insert = (id: string, fields: Record<string, unknown> = {}) => [
  { collection: 'orders', id, kind: 'insert' as const, before: undefined, after: { _id: id, ...fields } },
]

test('acknowledged writes survive a restart, with their types', () => {
  const first = reopen()
  const at = new Date('2026-03-01T00:00:00Z')
  expect(
    first.store.commit('dev-a', [
      { collection: 'orders', id: 'o1', kind: 'insert', before: undefined, after: { _id: 'o1', total: 1.5, at, tags: ['x'] } },
    ]).ok,
  ).toBe(true)
  expect(first.store.addCollection('dev-a', 'extra').ok).toBe(true)
  expect(
    first.store.commit('dev-a', [{ collection: 'orders', id: 7, kind: 'insert', before: undefined, after: { _id: 7, n: 1 } }]).ok,
  ).toBe(true)
  first.log.close()

  const second = reopen()
  expect(second.store.get('dev-a', 'orders', 'o1')).toEqual({ _id: 'o1', total: 1.5, at, tags: ['x'] })
  expect(second.store.get('dev-a', 'orders', 7)).toEqual({ _id: 7, n: 1 })
  expect(second.store.hasCollection('dev-a', 'extra')).toBe(true)
  second.log.close()
})

test('removals and resets replay', () => {
  const first = reopen()
  first.store.commit('dev-a', [{ collection: 'orders', id: 'o1', kind: 'insert', before: undefined, after: { _id: 'o1' } }])
  first.store.commit('dev-a', [{ collection: 'orders', id: 'o2', kind: 'insert', before: undefined, after: { _id: 'o2' } }])
  first.store.commit('dev-a', [{ collection: 'orders', id: 'o1', kind: 'remove', before: { _id: 'o1' }, after: undefined }])
  first.store.commit('dev-b', [{ collection: 'orders', id: 'b1', kind: 'insert', before: undefined, after: { _id: 'b1' } }])
  first.log.close()
  const second = reopen()
  expect(second.store.scan('dev-a', 'orders')).toEqual([{ _id: 'o2' }])
  expect(second.store.scan('dev-b', 'orders')).toEqual([{ _id: 'b1' }])
  second.store.reset()
  second.log.close()
  const third = reopen()
  expect(third.store.scan('dev-a', 'orders')).toEqual([])
  third.log.close()
})

test('a torn last line (a crash mid-append) is dropped; everything before it is kept', () => {
  const first = reopen()
  first.store.commit('dev-a', [{ collection: 'orders', id: 'o1', kind: 'insert', before: undefined, after: { _id: 'o1' } }])
  first.log.close()
  appendFileSync(path.join(dir, LOG_FILE), '{"op":"commit","env":"dev-a","changes":[{"c":"orders","id":"o2","doc":"{\\"_i')
  const second = reopen()
  expect(second.replay.droppedTornLine).toBe(true)
  expect(second.store.scan('dev-a', 'orders')).toEqual([{ _id: 'o1' }])
  // The log was rewritten, so later appends start on a clean line.
  second.store.commit('dev-a', [{ collection: 'orders', id: 'o3', kind: 'insert', before: undefined, after: { _id: 'o3' } }])
  second.log.close()
  expect(readFileSync(path.join(dir, LOG_FILE), 'utf8').endsWith('\n')).toBe(true)
  const third = reopen()
  expect(third.store.scan('dev-a', 'orders').map((doc) => doc._id)).toEqual(['o1', 'o3'])
  third.log.close()
})

test.each([
  ['not JSON', 'not json'],
  ['not a record', '{"op":"commit","env":"dev-a"}'],
  ['a document that is not EJSON', '{"op":"commit","env":"dev-a","changes":[{"c":"orders","id":"x","doc":"{nope"}]}'],
])('a bad line in the middle (%s) stops the start with its line number and changes nothing', (_name, bad) => {
  const good = '{"op":"collection","env":"dev-a","c":"extra"}'
  const text = `${good}\n${bad}\n{"op":"reset"}\n`
  writeFileSync(path.join(dir, LOG_FILE), text)
  let thrown: unknown
  try {
    reopen()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(OpLogCorruptError)
  expect(thrown).toMatchObject({ line: 2, message: expect.stringContaining(`${LOG_FILE} line 2 is corrupt`) })
  expect(readFileSync(path.join(dir, LOG_FILE), 'utf8')).toBe(text)
  // The refused start released its lock: once the line is repaired the dir opens.
  writeFileSync(path.join(dir, LOG_FILE), `${good}\n`)
  expect(reopen().store.hasCollection('dev-a', 'extra')).toBe(true)
})

test('a second writer on the same dir is refused while the first holds it; closing frees it', () => {
  const first = reopen()
  expect(() => reopen()).toThrow(new RegExp(`in use by process ${process.pid}`))
  first.store.commit('dev-a', insert('o1'))
  first.log.close()
  expect(reopen().store.get('dev-a', 'orders', 'o1')).toEqual({ _id: 'o1' })
})

test('the log is compacted at run time once it outgrows its snapshot, and nothing is lost by it', async () => {
  const first = reopen({ compactAfterBytes: 2000, fsync: true })
  for (let index = 0; index < 60; index += 1) first.store.commit('dev-a', insert('same', { n: index, pad: 'x'.repeat(50) }))
  const grown = statSync(path.join(dir, LOG_FILE)).size
  await new Promise((resolve) => setImmediate(resolve))
  const compacted = statSync(path.join(dir, LOG_FILE)).size
  expect(compacted).toBeLessThan(grown / 10)
  first.store.commit('dev-a', insert('after', { n: 1 }))
  first.log.close()
  const second = reopen()
  expect(second.store.get('dev-a', 'orders', 'same')).toMatchObject({ n: 59 })
  expect(second.store.get('dev-a', 'orders', 'after')).toEqual({ _id: 'after', n: 1 })
})

test('a writer whose lock was taken away refuses further writes instead of writing where nobody reads', async () => {
  const first = reopen({ compactAfterBytes: 100 })
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  writeFileSync(
    path.join(dir, LOCK_FILE),
    JSON.stringify({ pid: process.pid, host: 'x', startedAt: 'now', command: 'other', token: 'another-owner' }),
  )
  first.store.commit('dev-a', insert('o1', { pad: 'x'.repeat(200) }))
  await new Promise((resolve) => setImmediate(resolve))
  expect(first.store.commit('dev-a', insert('o2'))).toMatchObject({
    ok: false,
    code: 'DATABASE_REQUEST_FAILED',
    message: expect.stringContaining('lock'),
  })
  expect(first.store.get('dev-a', 'orders', 'o2')).toBeUndefined()
  expect(logged).toHaveBeenCalledWith(expect.stringContaining('writes are refused from now on'))
  logged.mockRestore()
})

test('a write that cannot be journaled is refused and not applied', () => {
  const store = new Store(['orders'])
  store.setJournal({
    appendCommit: () => {
      throw new Error('disk full')
    },
    appendCollection: () => undefined,
    appendReset: () => undefined,
  })
  const result = store.commit('dev-a', [{ collection: 'orders', id: 'o1', kind: 'insert', before: undefined, after: { _id: 'o1' } }])
  expect(result).toMatchObject({ ok: false, code: 'DATABASE_REQUEST_FAILED' })
  expect(store.get('dev-a', 'orders', 'o1')).toBeUndefined()
})
