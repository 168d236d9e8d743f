import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { LOG_FILE, OpLog } from './persistence'
import { Store } from './store'

let dir: string
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'devcloud-oplog-')) })
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function reopen(): { store: Store; log: OpLog; replay: { records: number; droppedTornLine: boolean } } {
  const store = new Store(['orders'])
  const { log, replay } = OpLog.open(dir, store)
  store.setJournal(log)
  return { store, log, replay }
}

test('acknowledged writes survive a restart, with their types', () => {
  const first = reopen()
  const at = new Date('2026-03-01T00:00:00Z')
  expect(first.store.commit('dev-a', [{ collection: 'orders', id: 'o1', kind: 'insert', before: undefined, after: { _id: 'o1', total: 1.5, at, tags: ['x'] } }]).ok).toBe(true)
  expect(first.store.addCollection('dev-a', 'extra').ok).toBe(true)
  expect(first.store.commit('dev-a', [{ collection: 'orders', id: 7, kind: 'insert', before: undefined, after: { _id: 7, n: 1 } }]).ok).toBe(true)
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

test('a corrupt line in the middle is an error, not silent data loss', () => {
  writeFileSync(path.join(dir, LOG_FILE), 'not json\n{"op":"reset"}\n')
  expect(() => reopen()).toThrow(/corrupt op-log line/)
})

test('a write that cannot be journaled is refused and not applied', () => {
  const store = new Store(['orders'])
  store.setJournal({ appendCommit: () => { throw new Error('disk full') }, appendCollection: () => undefined, appendReset: () => undefined })
  const result = store.commit('dev-a', [{ collection: 'orders', id: 'o1', kind: 'insert', before: undefined, after: { _id: 'o1' } }])
  expect(result).toMatchObject({ ok: false, code: 'DATABASE_REQUEST_FAILED' })
  expect(store.get('dev-a', 'orders', 'o1')).toBeUndefined()
})
