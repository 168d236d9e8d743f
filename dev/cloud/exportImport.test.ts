import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { applyImport, MANIFEST_FILE, readExport, writeExport } from './exportImport'
import { Store, type DocChange } from './store'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'devcloud-export-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const EXPORTED_AT = new Date('2026-03-01T08:00:00Z')
const insert = (collection: string, doc: Record<string, unknown>): DocChange => ({
  collection,
  id: doc._id as string | number,
  kind: 'insert',
  before: undefined,
  after: doc,
})

function sampleStore(): Store {
  const store = new Store(['orders', 'parcels'])
  store.commit('dev-local', [
    insert('orders', {
      _id: 'o1',
      totalFen: 16800,
      rate: 0.125,
      big: 2 ** 40,
      paidAt: new Date('2026-02-28T23:59:59.999Z'),
      items: [{ sku: 'tea', qty: 2 }],
      note: null,
      paid: true,
      pattern: /^YT\d+$/i,
    }),
    insert('orders', { _id: 7, n: -1 }),
  ])
  store.addCollection('dev-local', 'extras')
  store.commit('test-other', [insert('parcels', { _id: 'p1', events: [{ at: new Date(0), text: '已揽收' }] })])
  return store
}

const everything = (store: Store) =>
  Object.fromEntries(
    store
      .envIds()
      .sort()
      .map((env) => [env, Object.fromEntries(store.collectionNames(env).map((name) => [name, store.scan(env, name)]))]),
  )

test('an export read back into an empty store gives the same documents: ids, dates, numbers, nested values, empty collections', () => {
  const store = sampleStore()
  const target = path.join(dir, 'scenario')
  expect(writeExport(store, target, EXPORTED_AT)).toEqual({
    ok: true,
    summary: {
      dir: target,
      documents: 3,
      envs: { 'dev-local': { extras: 0, orders: 2, parcels: 0 }, 'test-other': { orders: 0, parcels: 1 } },
    },
  })
  // One document per line, readable: dates as ISO strings under $date.
  const lines = readFileSync(path.join(target, 'dev-local', 'orders.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
  expect(lines).toHaveLength(2)
  expect(lines[0]).toContain('"paidAt":{"$date":"2026-02-28T23:59:59.999Z"}')

  const read = readExport(target)
  if (!read.ok) throw new Error(read.reason)
  const fresh = new Store(['orders', 'parcels'])
  expect(applyImport(fresh, read.data)).toMatchObject({ ok: true, summary: { documents: 3 } })
  expect(everything(fresh)).toEqual(everything(store))
  const order = fresh.get('dev-local', 'orders', 'o1')
  expect(order?.paidAt).toBeInstanceOf(Date)
  expect(fresh.get('dev-local', 'orders', 7)).toEqual({ _id: 7, n: -1 })
})

test('intoEnv loads a one-env export under another env id', () => {
  const store = new Store(['orders'])
  store.commit('dev-local', [insert('orders', { _id: 'o1' })])
  writeExport(store, dir, EXPORTED_AT)
  const read = readExport(dir)
  if (!read.ok) throw new Error(read.reason)
  const fresh = new Store(['orders'])
  expect(applyImport(fresh, read.data, 'test-42').ok).toBe(true)
  expect(fresh.get('test-42', 'orders', 'o1')).toEqual({ _id: 'o1' })
  expect(applyImport(new Store([]), { ...read.data, docs: new Map([...read.data.docs, ['dev-b', new Map()]]) }, 'test-42')).toMatchObject({
    ok: false,
    reason: expect.stringContaining('exactly one env'),
  })
})

test('exporting again replaces the earlier export whole; a directory that is not an export is never replaced', () => {
  const store = sampleStore()
  writeExport(store, dir, EXPORTED_AT)
  const smaller = new Store(['orders'])
  smaller.commit('dev-local', [insert('orders', { _id: 'only' })])
  expect(writeExport(smaller, dir, EXPORTED_AT).ok).toBe(true)
  expect(existsSync(path.join(dir, 'test-other'))).toBe(false)
  const elsewhere = path.join(dir, 'src')
  mkdirSync(elsewhere)
  writeFileSync(path.join(elsewhere, 'index.ts'), 'keep me')
  expect(writeExport(store, elsewhere, EXPORTED_AT)).toMatchObject({ ok: false, reason: expect.stringContaining('not a devcloud export') })
  expect(readFileSync(path.join(elsewhere, 'index.ts'), 'utf8')).toBe('keep me')
})

describe('a bad export is refused as a whole, naming the file and line', () => {
  beforeEach(() => {
    writeExport(sampleStore(), dir, EXPORTED_AT)
  })
  const orders = () => path.join(dir, 'dev-local', 'orders.jsonl')
  const manifest = () => JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as { envs: Record<string, unknown> }

  test.each<[string, () => void, RegExp]>([
    ['no manifest', () => rmSync(path.join(dir, MANIFEST_FILE)), /is not a devcloud export/],
    [
      'a production env id',
      () => writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest(), envs: { 'prod-1': {} } })),
      /envs\.prod-1/,
    ],
    ['a missing collection file', () => rmSync(orders()), /orders\.jsonl: missing/],
    ['a line that is not EJSON', () => writeFileSync(orders(), `${readFileSync(orders(), 'utf8')}{oops\n`), /orders\.jsonl:3/],
    [
      'a duplicate _id',
      () => writeFileSync(orders(), `${readFileSync(orders(), 'utf8')}{"_id":"o1"}\n`),
      /orders\.jsonl:3: duplicate _id "o1"/,
    ],
    [
      'fewer documents than the manifest says',
      () => writeFileSync(orders(), readFileSync(orders(), 'utf8').split('\n')[0] ?? ''),
      /1 documents, the manifest says 2/,
    ],
    [
      'a document without a usable _id',
      () => writeFileSync(orders(), '{"_id":{"a":1}}\n{"_id":"o2"}\n'),
      /_id must be a string or a number/,
    ],
  ])('%s', (_name, damage, reason) => {
    damage()
    const read = readExport(dir)
    expect(read).toMatchObject({ ok: false, reason: expect.stringMatching(reason) })
  })
})
