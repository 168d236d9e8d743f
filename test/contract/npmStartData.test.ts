// `.devcloud/` is npm start's data, the one a person looks at (issue 18): test clouds, a headless
// `npm run devcloud` with its defaults and the load tools' devcloud child leave it exactly as it
// was, and a test env cannot be pointed at it. When an `npm start` is running on this machine its
// own writes change the dir, so then the check is that none of the data written here reached it.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { DevCloud } from '../../dev/cloud'
import { LOCK_FILE } from '../../dev/cloud/lock'
import { NPM_START_DATA_DIR } from '../../dev/cloud/persistence'
import { startDevcloudProcess, type DevcloudProcess } from '../../scripts/load/devcloudProcess'
import { startContractCloud, startTestCloud } from '../support/devcloud'
import { startCliCloud, stopAllCliClouds } from '../support/devcloudCli'
import { ensureFunctionsBuilt } from '../functions/support/buildOnce'

jest.setTimeout(120_000)

const MARKER = `marker-${process.pid}-npm-start-data`
const clouds: DevCloud[] = []
let child: DevcloudProcess | undefined
let tmp: string

beforeAll(async () => {
  await ensureFunctionsBuilt()
  tmp = mkdtempSync(path.join(tmpdir(), 'devcloud-elsewhere-'))
})
afterAll(async () => {
  for (const cloud of clouds.splice(0)) await cloud.close()
  await child?.stop()
  await stopAllCliClouds()
  rmSync(tmp, { recursive: true, force: true })
})

/** Every entry under the dir with its size and mtime, or null when there is no dir. */
function snapshot(dir: string): Record<string, string> | null {
  if (!existsSync(dir)) return null
  const entries: Record<string, string> = {}
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name)
      const stat = lstatSync(full)
      entries[path.relative(dir, full)] = `${stat.size}@${stat.mtimeMs}`
      if (stat.isDirectory()) walk(full)
    }
  }
  walk(dir)
  return entries
}

function npmStartIsRunning(): boolean {
  try {
    const { pid } = JSON.parse(readFileSync(path.join(NPM_START_DATA_DIR, LOCK_FILE), 'utf8')) as { pid: number }
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function contents(dir: string): string {
  if (!existsSync(dir)) return ''
  return readdirSync(dir)
    .filter((name) => lstatSync(path.join(dir, name)).isFile())
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n')
}

async function putMarker(url: string, id: string): Promise<void> {
  const response = await fetch(`${url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      action: 'database.insertDocument',
      envName: 'dev-local',
      collectionName: 'products',
      data: [JSON.stringify({ _id: id })],
    }),
  })
  expect(await response.json()).toMatchObject({ data: { insertedIds: [id] } })
}

test("test clouds, a headless npm run devcloud and the load tools' child leave .devcloud/ untouched", async () => {
  const before = snapshot(NPM_START_DATA_DIR)
  const running = npmStartIsRunning()

  const testCloud = await startTestCloud()
  clouds.push(testCloud)
  await testCloud.db.put('products', { _id: `${MARKER}-test` })
  const contract = await startContractCloud({ persistDir: path.join(tmp, 'contract') })
  clouds.push(contract)
  await contract.db.put('things', { _id: `${MARKER}-contract` })

  const headless = startCliCloud(['--port', '0'])
  const headlessUrl = await headless.ready()
  expect(headless.stdout().split('\n')[0]).toBe('devcloud data: in memory only, nothing on disk (--persist-dir DIR keeps it)')
  await putMarker(headlessUrl, `${MARKER}-headless`)
  await headless.kill('SIGTERM')

  child = await startDevcloudProcess({ port: 0, env: {} })
  await putMarker(child.url, `${MARKER}-child`)
  await child.stop()

  await expect(startTestCloud({ persistDir: NPM_START_DATA_DIR })).rejects.toThrow(/may not persist into .*\.devcloud/)

  for (const cloud of clouds.splice(0)) await cloud.close()
  expect(contents(NPM_START_DATA_DIR)).not.toContain(MARKER)
  if (!running && !npmStartIsRunning()) expect(snapshot(NPM_START_DATA_DIR)).toEqual(before)
})
