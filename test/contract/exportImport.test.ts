// Export → reset → import gives back the same documents (issue 18), in process through the DevCloud
// API and read back with the real SDK, and end to end through `npm run devcloud` processes:
// --export-on-exit, a one-shot --export of a data dir, and --import.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { DevCloud } from '../../dev/cloud'
import { MANIFEST_FILE } from '../../dev/cloud/exportImport'
import { startContractCloud } from '../support/devcloud'
import { startCliCloud, stopAllCliClouds } from '../support/devcloudCli'
import { directSdk, done, type DirectSdk } from '../support/sdk'
import { ensureFunctionsBuilt } from '../functions/support/buildOnce'

jest.setTimeout(120_000)

let dir: string
let devcloud: DevCloud | undefined
let sdk: DirectSdk | undefined

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'devcloud-export-'))
})
afterEach(async () => {
  sdk?.restore()
  sdk = undefined
  await devcloud?.close()
  devcloud = undefined
  await stopAllCliClouds()
  rmSync(dir, { recursive: true, force: true })
})

test('export, reset, import: the same documents, as the SDK reads them (ids, dates, numbers)', async () => {
  devcloud = await startContractCloud()
  sdk = directSdk(devcloud.url, devcloud.envId)
  const at = new Date('2026-03-01T02:03:04.005Z')
  await done(
    sdk.db
      .collection('things')
      .add({ data: { _id: 'a', at, n: 1.5, count: 3, big: 2 ** 40, tags: ['x', 'y'], nested: { when: at, none: null } } }),
  )
  await devcloud.db.put('things', { _id: 42, n: -7 })
  await sdk.db.createCollection('extras')
  await devcloud.db.put('items', { _id: 'tea', stock: 2, priceFen: 16800 })
  const before = {
    things: await devcloud.db.list('things'),
    items: await devcloud.db.list('items'),
    extras: await devcloud.db.list('extras'),
  }

  const exported = await devcloud.exportData(path.join(dir, 'scenario'))
  expect(exported).toMatchObject({ ok: true, summary: { documents: 3, envs: { [devcloud.envId]: { things: 2, items: 1, extras: 0 } } } })
  await devcloud.reset()
  expect(await devcloud.db.count('things')).toBe(0)

  expect(await devcloud.importData(path.join(dir, 'scenario'))).toMatchObject({ ok: true, summary: { documents: 3 } })
  expect({
    things: await devcloud.db.list('things'),
    items: await devcloud.db.list('items'),
    extras: await devcloud.db.list('extras'),
  }).toEqual(before)
  const viaSdk = (await done(sdk.db.collection('things').doc('a').get())) as unknown as {
    data: { at: Date; n: number; big: number; nested: { when: Date } }
  }
  expect(viaSdk.data.at).toEqual(at)
  expect(viaSdk.data.nested.when).toEqual(at)
  expect(viaSdk.data).toMatchObject({ n: 1.5, big: 2 ** 40 })
})

test('a bad import changes nothing', async () => {
  devcloud = await startContractCloud()
  await devcloud.db.put('things', { _id: 'kept' })
  expect(await devcloud.importData(path.join(dir, 'nowhere'))).toMatchObject({
    ok: false,
    reason: expect.stringContaining('not a devcloud export'),
  })
  expect(await devcloud.db.list('things')).toEqual([{ _id: 'kept' }])
})

test('npm run devcloud: --export-on-exit, a one-shot --export of the data dir, and --import give the same data', async () => {
  await ensureFunctionsBuilt()
  const data = path.join(dir, 'data')
  const onExit = path.join(dir, 'on-exit')
  const first = startCliCloud(['--port', '0', '--persist-dir', data, '--export-on-exit', onExit])
  const url = await first.ready()
  // Timers run in these processes and may move an order or parcel on between two reads, so those
  // are compared by id; nothing on a timer writes products or merchants.
  const list = async (base: string, name: string) =>
    ((await (await fetch(`${base}/devcloud/v1/db/${name}`)).json()) as { documents: Array<{ _id: string }> }).documents
  const dump = async (base: string) => ({
    products: await list(base, 'products'),
    merchants: await list(base, 'merchants'),
    orders: (await list(base, 'orders')).map((doc) => doc._id),
    parcels: (await list(base, 'parcels')).map((doc) => doc._id),
  })
  const seeded = await dump(url)
  expect(seeded.orders.length).toBeGreaterThan(0)
  await first.kill('SIGTERM')
  expect(first.stdout()).toMatch(/^devcloud exported \d+ documents to /m)

  const oneShot = startCliCloud(['--persist-dir', data, '--export', path.join(dir, 'one-shot')])
  expect(await oneShot.exited()).toBe(0)
  expect(oneShot.stdout()).toMatch(/^devcloud exported \d+ documents to /m)
  // Both exports hold the same lines (only the manifest's exportedAt may differ).
  const files = (root: string) =>
    readdirSync(path.join(root, 'dev-local'))
      .sort()
      .map((file) => [file, readFileSync(path.join(root, 'dev-local', file), 'utf8')])
  expect(files(path.join(dir, 'one-shot'))).toEqual(files(onExit))
  expect(JSON.parse(readFileSync(path.join(onExit, MANIFEST_FILE), 'utf8'))).toMatchObject({ format: 'devcloud-export', version: 1 })

  const imported = startCliCloud(['--port', '0', '--import', onExit])
  const importedUrl = await imported.ready()
  expect(imported.stdout().split('\n')[0]).toBe(
    `devcloud data: in memory only, nothing on disk, starting from the export ${onExit} (--persist-dir DIR keeps it)`,
  )
  expect(await dump(importedUrl)).toEqual(seeded)
})
