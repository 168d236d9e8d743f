// npm start's stack locks its data dir before anything writes there: a second stack on the same dir
// is refused before its sandbox starts (so the sandbox state file is not clobbered either), and the
// dir is free again once the first stack is closed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { DataDirLockedError } from '../../dev/cloud'
import { freePort } from '../../dev/ports'
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../dev/start/localStack'
import { ensureFunctionsBuilt } from '../functions/support/buildOnce'

jest.setTimeout(120_000)

let dataDir: string
const stacks: LocalStack[] = []

beforeAll(async () => {
  await ensureFunctionsBuilt()
  dataDir = mkdtempSync(path.join(tmpdir(), 'devcloud-stack-'))
})
afterAll(async () => {
  for (const stack of stacks.splice(0)) await stack.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function options(): Promise<LocalStackOptions> {
  return {
    devcloudPort: await freePort(),
    sandboxPort: await freePort(),
    appPort: null,
    dataDir,
    vendor: 'kdniao',
    speed: 240,
    fsync: false,
  }
}

test('a second stack on the same data dir is refused before it starts anything; closing frees the dir', async () => {
  const first = await startLocalStack(await options())
  stacks.push(first)
  const second = await options()
  await expect(startLocalStack(second)).rejects.toThrow(DataDirLockedError)
  await expect(startLocalStack(second)).rejects.toThrow(`in use by process ${process.pid}`)
  // Its sandbox never started: the port it would have taken is still free.
  await expect(fetch(`http://127.0.0.1:${second.sandboxPort}/`)).rejects.toThrow()
  await first.close()
  stacks.splice(0)
  const third = await startLocalStack(await options())
  stacks.push(third)
  expect(third.devcloud.dataDir).toBe(dataDir)
})
