// The op-log: a write the SDK saw acknowledged is already on disk, and a restarted devcloud replays
// it (issue 8 kills the process mid-ingest; nothing acknowledged may be lost).
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { DevCloud } from '../../dev/cloud'
import { CONTRACT_CONFIG_DIR, FIXTURE_FUNCTIONS_DIR } from '../support/devcloud'
import { startDevCloud } from '../../dev/cloud'
import { directSdk, done, type DirectSdk } from '../support/sdk'

jest.setTimeout(30_000)

let dir: string
let devcloud: DevCloud | undefined
let sdk: DirectSdk | undefined
const envId = `test-persist-${process.pid}`

const start = async () => {
  devcloud = await startDevCloud({ envId, persistDir: dir, configDir: CONTRACT_CONFIG_DIR, functionsDir: FIXTURE_FUNCTIONS_DIR })
  sdk = directSdk(devcloud.url, envId)
  return { devcloud, sdk }
}
const stop = async () => {
  sdk?.restore()
  await devcloud?.close()
  devcloud = undefined
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'devcloud-persist-'))
})
afterEach(async () => {
  await stop()
  rmSync(dir, { recursive: true, force: true })
})

test('an acknowledged write is in the log before the SDK call resolves', async () => {
  const { sdk: direct } = await start()
  const added = await done(direct.db.collection('things').add({ data: { _id: 'acked', n: 1 } }))
  expect(added).toMatchObject({ _id: 'acked' })
  // Read synchronously right after the acknowledgement: no flush, no close in between.
  expect(readFileSync(path.join(dir, 'oplog.jsonl'), 'utf8')).toContain('"id":"acked"')
})

test('data, added collections and transaction results survive a restart', async () => {
  const first = await start()
  await done(first.sdk.db.collection('things').add({ data: { _id: 'a', at: new Date('2026-03-01T00:00:00Z'), n: 1.5 } }))
  await first.sdk.db.createCollection('extras')
  await done(first.sdk.db.collection('extras').add({ data: { _id: 'e1' } }))
  await first.devcloud.db.put('items', { _id: 'tea', stock: 2 })
  await expect(first.devcloud.invoke('stock', { itemId: 'tea' }, { openid: 'o-buyer' })).resolves.toEqual({ ok: true })
  await stop()

  const second = await start()
  expect(await second.devcloud.db.get('things', 'a')).toEqual({ _id: 'a', at: new Date('2026-03-01T00:00:00Z'), n: 1.5 })
  expect(await second.devcloud.db.get('extras', 'e1')).toEqual({ _id: 'e1' })
  expect(await second.devcloud.db.get('items', 'tea')).toEqual({ _id: 'tea', stock: 1 })
  expect(await second.devcloud.db.count('orders', { _openid: 'o-buyer' })).toBe(1)
})

test('a torn last line from a crash is dropped and the rest replays', async () => {
  const first = await start()
  await first.devcloud.db.put('things', { _id: 'kept' })
  await stop()
  appendFileSync(path.join(dir, 'oplog.jsonl'), '{"op":"commit","env":"' + envId + '","changes":[{"c":"things","id":"torn"')
  const second = await start()
  expect((await second.devcloud.db.list('things')).map((doc) => doc._id)).toEqual(['kept'])
})

test('reset is persisted too', async () => {
  const first = await start()
  await first.devcloud.db.put('things', { _id: 'gone' })
  await first.devcloud.reset()
  await stop()
  const second = await start()
  expect(await second.devcloud.db.count('things')).toBe(0)
})
