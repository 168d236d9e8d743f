// `npm start` takes its configuration from the environment (issue 12): with KDNIAO_APP_KEY set, the
// sandbox signs its pushes with that key and the push receiver accepts only that key; the dev key is
// refused. Runs the same startLocalStack that `npm start` runs, headless, on a throwaway data dir.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { DEV_KDNIAO } from '../../dev/aggregators'
import { freePort } from '../../dev/ports'
import { describeFunctionEnv } from '../../dev/start/functionEnv'
import { startLocalStack, type LocalStack } from '../../dev/start/localStack'
import { kdniaoPush, kdniaoRequestData } from './support/pushes'

const CUSTOM_KEY = 'merchant-own-app-key-0000000000000042'
const FORM = { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }
let stack: LocalStack | undefined
let dataDir = ''

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'local-stack-env-'))
  const [devcloudPort, sandboxPort] = [await freePort(), await freePort()]
  stack = await startLocalStack({
    devcloudPort,
    sandboxPort,
    appPort: null,
    dataDir,
    vendor: 'kdniao',
    speed: 240,
    env: { KDNIAO_APP_KEY: CUSTOM_KEY, POLL_BATCH_LIMIT: '7', UNRELATED: 'x' },
  })
}, 120_000)

afterAll(async () => {
  try {
    await stack?.close()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

function requireStack(): LocalStack {
  if (!stack) throw new Error('the local stack did not start')
  return stack
}

async function push(appKey: string): Promise<{ status: number; body: string }> {
  const requestData = kdniaoRequestData([
    {
      shipper: 'YTO',
      number: 'YT7700000000042',
      state: '2',
      traces: [{ time: '2026-11-20 09:00:00', text: '【杭州市】快件已揽收', action: '1' }],
    },
  ])
  const response = await fetch(`${requireStack().devcloud.url}/tracking/push/kdniao`, {
    method: 'POST',
    headers: FORM,
    body: kdniaoPush(requestData, appKey),
  })
  return { status: response.status, body: await response.text() }
}

test('the functions get the key from the environment, and only documented keys pass through', () => {
  const { functionEnv, fromEnv } = requireStack().functionEnv
  expect(functionEnv.KDNIAO_APP_KEY).toBe(CUSTOM_KEY)
  expect(functionEnv.KDNIAO_EBUSINESS_ID).toBe(DEV_KDNIAO.eBusinessId)
  expect(functionEnv.POLL_BATCH_LIMIT).toBe('7')
  expect(functionEnv.UNRELATED).toBeUndefined()
  expect([...fromEnv].sort()).toEqual(['KDNIAO_APP_KEY', 'POLL_BATCH_LIMIT'])
})

test('start-up names the vendor and masks the credentials it uses', () => {
  const lines = describeFunctionEnv(requireStack().functionEnv)
  expect(lines[0]).toBe('TRACKING_VENDOR=kdniao (dev default)')
  expect(lines).toContain('KDNIAO_APP_KEY=merc…42 (37 chars) (from env)')
  expect(lines.join('\n')).not.toContain(CUSTOM_KEY)
  expect(lines.join('\n')).not.toContain(DEV_KDNIAO.appKey)
})

test('a push signed with the configured key is acknowledged', async () => {
  const answer = await push(CUSTOM_KEY)
  expect(answer.status).toBe(200)
  expect(JSON.parse(answer.body)).toMatchObject({ Success: true })
})

test('a push signed with the dev key is refused once another key is configured', async () => {
  const answer = await push(DEV_KDNIAO.appKey)
  expect(JSON.parse(answer.body)).toMatchObject({ Success: false })
})

test('the demo seeded through the sandbox with the configured key, without warnings', () => {
  expect(requireStack().seed.warnings).toEqual([])
})
