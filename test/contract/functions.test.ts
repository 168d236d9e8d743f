// The function host: real bundles on the real wx-server-sdk, per-invocation SCF environment,
// identity under concurrency, nested calls, timeouts, the 1 MB result cap, failures, 云调用.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { DevCloud } from '../../dev/cloud'
import { InvokeError } from '../../dev/cloud'
import { startContractCloud } from '../support/devcloud'

jest.setTimeout(30_000)

interface Whoami {
  context: { OPENID?: string; APPID?: string; SOURCE?: string; ENV?: string; CLIENTIP?: string }
  event: Record<string, unknown>
  env: Record<string, string | undefined>
}

let devcloud: DevCloud

beforeAll(async () => {
  process.env.HOST_ONLY_SECRET = 'must-not-leak'
  devcloud = await startContractCloud({ functionEnv: { AGGREGATOR_KEY: 'sandbox-key' } })
})
afterAll(async () => {
  delete process.env.HOST_ONLY_SECRET
  await devcloud.close()
})
beforeEach(() => devcloud.reset())

test("getWXContext sees each caller's OPENID under 40 concurrent, interleaved invocations", async () => {
  const callers = Array.from({ length: 40 }, (_unused, index) => `o-shopper-${index}`)
  const results = await Promise.all(
    callers.map((openid, index) => devcloud.invoke<Whoami>('whoami', { delayMs: (index * 13) % 37, index }, { openid })),
  )
  results.forEach((result, index) => {
    expect(result.context).toEqual({
      OPENID: callers[index],
      APPID: 'wx0000000000000000',
      CLIENTIP: '127.0.0.1',
      ENV: devcloud.envId,
      SOURCE: 'wx_client',
    })
    expect(result.event).toMatchObject({ index, userInfo: { openId: callers[index], appId: 'wx0000000000000000' } })
  })
})

test("a nested callFunction keeps the caller's identity and chains SOURCE (wx_client,scf)", async () => {
  const result = await devcloud.invoke<{ outer: Whoami['context']; inner: Whoami }>('callWhoami', { orderId: 'A1' }, { openid: 'o-nested' })
  expect(result.outer).toMatchObject({ OPENID: 'o-nested', SOURCE: 'wx_client' })
  expect(result.inner.context).toMatchObject({ OPENID: 'o-nested', SOURCE: 'wx_client,scf', ENV: devcloud.envId })
  expect(result.inner.event).toMatchObject({ from: 'callWhoami', orderId: 'A1', userInfo: { openId: 'o-nested' } })
})

test("functions see the SCF environment, host functionEnv and config.json envVariables — not the host's own env", async () => {
  const result = await devcloud.invoke<Whoami>('whoami', {}, { openid: 'o-env' })
  expect(result.env).toEqual({ AGGREGATOR_KEY: 'sandbox-key', FROM_CONFIG: 'from-config-json', RUNENV: 'SCF', NAMESPACE: devcloud.envId })
})

test('a call without an openid (e.g. from a tool) has no OPENID', async () => {
  const result = await devcloud.invoke<Whoami>('whoami', { x: 1 })
  expect(result.context.OPENID).toBeUndefined()
  expect(result.event).toEqual({ x: 1 })
})

test("config.json timeout is enforced (slow has 1 s) with the platform's failure", async () => {
  await expect(devcloud.invoke('slow', { ms: 100 })).resolves.toEqual({ slept: 100 })
  const error = await devcloud.invoke('slow', { ms: 1500 }).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(InvokeError)
  expect(error).toMatchObject({
    code: 'FUNCTIONS_EXECUTE_FAIL',
    errCode: -504002,
    message: expect.stringContaining('timed out after 1 seconds'),
  })
  await devcloud.idle()
})

test('results over 1 MB fail with -604001; just under passes', async () => {
  await expect(devcloud.invoke<{ blob: string }>('huge', { bytes: 1_000_000 })).resolves.toMatchObject({ blob: expect.any(String) })
  const error = await devcloud.invoke('huge', { bytes: 1_100_000 }).catch((caught: unknown) => caught)
  expect(error).toMatchObject({ errCode: -604001, message: expect.stringContaining('result size exceed limit (1MB)') })
})

test("a thrown error is the platform's failure, and the emulator keeps serving", async () => {
  const error = await devcloud.invoke('boom', { why: 'out of stock' }).catch((caught: unknown) => caught)
  expect(error).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', errCode: -504002, message: expect.stringContaining('boom: out of stock') })
  await expect(devcloud.invoke<Whoami>('whoami', {}, { openid: 'o-after' })).resolves.toMatchObject({ context: { OPENID: 'o-after' } })
})

test('an unknown function fails with FUNCTIONS_REQUEST_FAIL', async () => {
  await expect(devcloud.invoke('doesNotExist')).rejects.toMatchObject({ code: 'FUNCTIONS_REQUEST_FAIL', errCode: -504001 })
})

test('cloud.openapi calls are answered in protobuf, recorded, and limited to config.json permissions', async () => {
  const result = await devcloud.invoke<{ sent: Record<string, unknown>; forbidden: unknown }>(
    'notify',
    { orderId: 'A1', trackingNo: 'SF1234567890' },
    { openid: 'o-notified' },
  )
  expect(result.sent).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok', msgid: expect.any(Number) })
  expect(result.forbidden).toBe(-604101)
  expect(devcloud.openApiCalls()).toEqual([
    {
      api: 'subscribeMessage.send',
      data: {
        touser: 'o-notified',
        template_id: 'tmpl-shipped',
        page: 'pages/order/detail?id=A1',
        data: { thing1: { value: 'Parcel shipped' }, character_string2: { value: 'SF1234567890' } },
      },
      caller: { functionName: 'notify', openid: 'o-notified' },
      errcode: 0,
    },
  ])
})

test('fault knob: the host refuses the next N invocations', async () => {
  devcloud.faults.rejectInvocations({ count: 2 })
  await expect(devcloud.invoke('whoami')).rejects.toMatchObject({
    code: 'FUNCTIONS_REQUEST_FAIL',
    message: expect.stringContaining('injected'),
  })
  await expect(devcloud.invoke('whoami')).rejects.toMatchObject({ code: 'FUNCTIONS_REQUEST_FAIL' })
  await expect(devcloud.invoke<Whoami>('whoami')).resolves.toMatchObject({ env: { RUNENV: 'SCF' } })
})

test('fault knob: writes refused for one collection surface in the function as -502001', async () => {
  await devcloud.db.put('parcels', { _id: 'SF:1', _openid: 'o-a', orderId: 'A1' })
  devcloud.faults.failWrites({ count: 1, collection: 'parcels' })
  await expect(devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:1', data: { status: 'X' } })).rejects.toMatchObject(
    { message: expect.stringContaining('-502001') },
  )
  await expect(
    devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:1', data: { status: 'Y' } }),
  ).resolves.toMatchObject({ stats: { updated: 1 } })
  expect(await devcloud.db.get('parcels', 'SF:1')).toMatchObject({ status: 'Y' })
})

test("a function still running past its timeout keeps the emulator's routing until it ends, even across close()", async () => {
  const persistDir = mkdtempSync(path.join(tmpdir(), 'devcloud-late-'))
  const local = await startContractCloud({ persistDir })
  const collection = local.db.collections()[0]
  const late = local.invoke('lateWriter', { ms: 1500, collection, id: 'late-doc' })
  await expect(late).rejects.toMatchObject({
    code: 'FUNCTIONS_EXECUTE_FAIL',
    message: expect.stringContaining('timed out after 1 seconds'),
  })
  // close() waits for the overrunning body, whose write still goes to this emulator (its op-log has it)
  // rather than out through this process's own environment.
  await local.close()
  expect(
    readdirSync(persistDir)
      .map((file) => readFileSync(path.join(persistDir, file), 'utf8'))
      .join(''),
  ).toContain('late-doc')
  rmSync(persistDir, { recursive: true, force: true })
})

test('a function module is loaded inside the SCF environment, as the platform loads it', async () => {
  expect(await devcloud.invoke('loadEnv')).toEqual({ runEnv: 'SCF', namespace: devcloud.envId, hasRouting: true })
})
