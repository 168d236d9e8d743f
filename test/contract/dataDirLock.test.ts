// One writer per data dir (issue 18), with real processes: `npm run devcloud` children on one
// --persist-dir. The second is refused and names the first; the first keeps every write it
// acknowledged across a SIGKILL and a restart, which takes over the dead process's lock; and a
// writer killed in the middle of compacting its log loses nothing it acknowledged.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import * as path from 'node:path'
import type { CreateOrderResult } from '../../core/api'
import { LOCK_FILE } from '../../dev/cloud/lock'
import { COMPACT_FILE, LOG_FILE } from '../../dev/cloud/persistence'
import { startCliCloud, stopAllCliClouds } from '../support/devcloudCli'
import { directSdk, done, type DirectSdk } from '../support/sdk'
import { ensureFunctionsBuilt } from '../functions/support/buildOnce'
import { ADDRESS, SHOPPER } from '../functions/support/rig'

const CONTENDER = path.join(__dirname, '..', 'support', 'lockContender.ts')

jest.setTimeout(120_000)

let dir: string
let sdk: DirectSdk | undefined

beforeAll(() => ensureFunctionsBuilt())
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'devcloud-lock-'))
})
afterEach(async () => {
  sdk?.restore()
  sdk = undefined
  await stopAllCliClouds()
  rmSync(dir, { recursive: true, force: true })
})

const dataDir = () => path.join(dir, 'data')
const lockHolder = () => (JSON.parse(readFileSync(path.join(dataDir(), LOCK_FILE), 'utf8')) as { pid: number }).pid

function useSdk(url: string): DirectSdk {
  sdk?.restore()
  sdk = directSdk(url, 'dev-local')
  return sdk
}

async function addProduct(direct: DirectSdk, id: string, padBytes = 0): Promise<void> {
  await done(
    direct.db
      .collection('products')
      .add({ data: { _id: id, title: `test ${id}`, priceFen: 1, at: new Date('2026-03-01T00:00:00Z'), pad: 'x'.repeat(padBytes) } }),
  )
}

/**
 * The SDK's insert as it sends it, bounded: true once acknowledged. (The SDK itself would leave a
 * "slow request" timer running for a request its server died under, which outlives the test.)
 */
async function insertRaw(url: string, id: string, padBytes: number): Promise<boolean> {
  try {
    const response = await fetch(`${url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'database.insertDocument',
        envName: 'dev-local',
        collectionName: 'products',
        data: [JSON.stringify({ _id: id, pad: 'x'.repeat(padBytes) })],
      }),
      signal: AbortSignal.timeout(30_000),
    })
    const reply = (await response.json()) as { data?: { insertedIds?: string[] } }
    return reply.data?.insertedIds?.[0] === id
  } catch {
    return false
  }
}

async function createOrder(url: string): Promise<string> {
  const response = await fetch(`${url}/devcloud/v1/functions/createOrder`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: SHOPPER, data: { items: [{ productId: 'prod-osmanthus-cakes', quantity: 1 }], address: ADDRESS } }),
  })
  const { result } = (await response.json()) as { result: CreateOrderResult }
  if (!result.ok) throw new Error(`createOrder: ${JSON.stringify(result)}`)
  return result.orderId
}

async function ids(url: string, collection: string): Promise<string[]> {
  const response = await fetch(`${url}/devcloud/v1/db/${collection}`)
  return ((await response.json()) as { documents: Array<{ _id: string }> }).documents.map((doc) => doc._id)
}

test('a second devcloud on the same data dir is refused, naming the holder; the first loses nothing across a SIGKILL and restart', async () => {
  const first = startCliCloud(['--port', '0', '--persist-dir', dataDir()])
  const url = await first.ready()
  expect(first.stdout().split('\n')[0]).toBe(`devcloud data: ${dataDir()} (op-log, fsync off)`)
  expect(lockHolder()).toBe(first.pid)
  const orders = [await createOrder(url), await createOrder(url)]
  const direct = useSdk(url)
  for (const id of ['acked-1', 'acked-2', 'acked-3']) await addProduct(direct, id)
  const logBefore = readFileSync(path.join(dataDir(), LOG_FILE))

  const second = startCliCloud(['--port', '0', '--persist-dir', dataDir()])
  expect(await second.exited()).toBe(1)
  expect(second.stdout().split('\n')[0]).toBe(`devcloud data: ${dataDir()} (op-log, fsync off)`)
  expect(second.stderr()).toContain(`the data dir ${dataDir()} is in use by process ${first.pid}`)
  expect(second.stderr()).toContain('--persist-dir DIR')
  expect(second.stderr()).toContain('--memory')
  expect(second.stdout()).not.toContain('devcloud ready')
  // The refused process read nothing and wrote nothing: same log, same owner.
  expect(readFileSync(path.join(dataDir(), LOG_FILE)).equals(logBefore)).toBe(true)
  expect(lockHolder()).toBe(first.pid)

  // The first goes on acknowledging writes into the file it holds (issue 18: they went to a deleted inode).
  await addProduct(direct, 'acked-after-refusal')
  orders.push(await createOrder(url))
  await first.kill('SIGKILL')
  expect(lockHolder()).toBe(first.pid)

  const restarted = startCliCloud(['--port', '0', '--persist-dir', dataDir()])
  const again = await restarted.ready()
  expect(lockHolder()).toBe(restarted.pid)
  expect(await ids(again, 'products')).toEqual(expect.arrayContaining(['acked-1', 'acked-2', 'acked-3', 'acked-after-refusal']))
  expect(await ids(again, 'orders')).toEqual(expect.arrayContaining(orders))
  await restarted.kill('SIGTERM')
  expect(existsSync(path.join(dataDir(), LOCK_FILE))).toBe(false)
})

test.each(['after-temp', 'after-rename'] as const)('a writer killed mid-compaction (%s) loses no acknowledged write', async (point) => {
  // The start-up compaction is the 1st; the 2nd comes once the writes below pass 256 KiB (the demo
  // seed's ~50 KiB stays under it).
  const writer = startCliCloud(['--port', '0', '--persist-dir', dataDir()], {
    DEVCLOUD_COMPACTION_PAUSE: `${point}@2`,
    DEVCLOUD_COMPACT_AFTER_BYTES: String(256 * 1024),
  })
  const url = await writer.ready()
  const paused = writer.waitForLine(new RegExp(`^devcloud compaction paused ${point} `), 90_000)
  let pausedSeen = false
  const killed = paused.then(async () => {
    pausedSeen = true
    expect(existsSync(path.join(dataDir(), COMPACT_FILE))).toBe(point === 'after-temp')
    await writer.kill('SIGKILL')
  })
  const acked: string[] = []
  // Writes until compaction holds the process still; the write in flight then never gets its answer.
  for (let index = 0; index < 400 && !pausedSeen; index += 1) {
    if (!(await insertRaw(url, `acked-${index}`, 4096))) break
    acked.push(`acked-${index}`)
  }
  await killed
  expect(acked.length).toBeGreaterThan(0)

  const restarted = startCliCloud(['--port', '0', '--persist-dir', dataDir()])
  expect(await ids(await restarted.ready(), 'products')).toEqual(expect.arrayContaining(acked))
  expect(existsSync(path.join(dataDir(), COMPACT_FILE))).toBe(false)
  expect(lockHolder()).toBe(restarted.pid)
})

test('a stale lock is taken over by exactly one of many processes racing for it', async () => {
  mkdirSync(dataDir())
  // A lock left by a process that is gone (pid far above any pid_max in use here).
  writeFileSync(
    path.join(dataDir(), LOCK_FILE),
    JSON.stringify({ pid: 4_000_000, host: hostname(), startedAt: '2026-03-01T00:00:00.000Z', command: 'gone', token: 'stale-token-0001' }),
  )
  const startAt = Date.now() + 4000
  const contend = () =>
    new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', CONTENDER, dataDir(), '10000', String(startAt)],
        { timeout: 30_000 },
        (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
      )
    })
  const answers = await Promise.all(Array.from({ length: 6 }, contend))
  const winners = answers.filter((answer) => answer.startsWith('won '))
  expect(winners).toHaveLength(1)
  const winner = winners[0]?.slice('won '.length)
  expect(answers.filter((answer) => answer !== winners[0])).toEqual(Array.from({ length: 5 }, () => `refused ${winner}`))
  // Held long enough (10 s) that a contender slow to boot still meets it; released on exit, nothing left behind.
  expect(readdirSync(dataDir())).toEqual([])
})
