// The emulator REST API (DESIGN §5): functions, documents, reset, timers, fault knobs, openapi outbox.
import type { DevCloud } from '../../dev/cloud'
import { startContractCloud } from '../support/devcloud'
import { directSdk, failure, done, type DirectSdk } from '../support/sdk'

jest.setTimeout(30_000)

let devcloud: DevCloud
let sdk: DirectSdk

beforeAll(async () => {
  devcloud = await startContractCloud()
  sdk = directSdk(devcloud.url, devcloud.envId)
})
afterAll(async () => {
  sdk.restore()
  await devcloud.close()
})
beforeEach(() => devcloud.reset())

async function call(method: string, route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${devcloud.url}/devcloud/v1/${route}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

test('POST functions/<name> calls it as a client call and answers {result}', async () => {
  const { status, json } = await call('POST', 'functions/whoami', { data: { orderId: 'A1' }, openid: 'dev-shopper' })
  expect(status).toBe(200)
  expect(json.result).toMatchObject({ context: { OPENID: 'dev-shopper', SOURCE: 'wx_client' }, event: { orderId: 'A1' } })
})

test.each([
  ['a body that is not JSON', 'functions/whoami', '{oops', 400, 'INVALID_ARGUMENT'],
  ['data that is not an object', 'functions/whoami', { data: [1] }, 400, 'INVALID_ARGUMENT'],
  ['an unexpected field', 'functions/whoami', { data: {}, user: 'x' }, 400, 'INVALID_ARGUMENT'],
  ['an unknown function', 'functions/nope', {}, 404, 'FUNCTIONS_REQUEST_FAIL'],
  ['a failing function', 'functions/boom', { data: { why: 'x' } }, 500, 'FUNCTIONS_EXECUTE_FAIL'],
])('%s → %d', async (_label, route, body, status, code) => {
  const answer = await call('POST', route, body)
  expect(answer.status).toBe(status)
  expect(answer.json).toMatchObject({ error: { code } })
})

test('GET db/<collection>/<id> returns the document as relaxed EJSON; 404s name what is missing', async () => {
  await devcloud.db.put('things', { _id: 't1', n: 2, at: new Date('2026-03-01T00:00:00Z') })
  expect(await call('GET', 'db/things/t1')).toEqual({ status: 200, json: { _id: 't1', n: 2, at: { $date: '2026-03-01T00:00:00Z' } } })
  expect(await call('GET', 'db/things/none')).toMatchObject({ status: 404, json: { error: { message: 'no document things/none' } } })
  expect(await call('GET', 'db/nothing/t1')).toMatchObject({ status: 404, json: { error: { message: 'no collection nothing' } } })
  expect(await call('GET', 'db/things')).toMatchObject({ status: 200, json: { documents: [{ _id: 't1' }] } })
})

test('POST reset clears the data', async () => {
  await devcloud.db.put('things', { _id: 't1' })
  expect(await call('POST', 'reset')).toEqual({ status: 200, json: {} })
  expect(await devcloud.db.count('things')).toBe(0)
})

test('fault endpoints: fail the next write to a collection, then clear', async () => {
  expect((await call('POST', 'faults/writes', { count: 1, collection: 'things' })).status).toBe(200)
  const refused = await failure(sdk.db.collection('things').add({ data: { _id: 'a' } }))
  expect(refused.errCode).toBe(-502001)
  expect(await done(sdk.db.collection('things').add({ data: { _id: 'b' } }))).toMatchObject({ _id: 'b' })
  expect((await call('POST', 'faults/writes', { until: Date.now() + 60_000 })).status).toBe(200)
  expect((await failure(sdk.db.collection('items').add({ data: { _id: 'c' } }))).errCode).toBe(-502001)
  expect(await call('DELETE', 'faults')).toEqual({ status: 200, json: {} })
  expect(await done(sdk.db.collection('items').add({ data: { _id: 'c' } }))).toMatchObject({ _id: 'c' })
})

test.each([
  ['faults/writes', {}, 'count'],
  ['faults/writes', { count: -1 }, 'Too small'],
  ['faults/invocations', { until: 'later' }, 'number'],
])('bad fault spec for %s is a 400', async (route, body, mention) => {
  const answer = await call('POST', route, body)
  expect(answer.status).toBe(400)
  expect(String((answer.json.error as { message: string }).message)).toContain(mention)
})

test('fault endpoints: refuse invocations; drop realtime connections', async () => {
  expect((await call('POST', 'faults/invocations', { count: 1 })).status).toBe(200)
  expect((await call('POST', 'functions/whoami', {})).status).toBe(500)
  expect((await call('POST', 'functions/whoami', {})).status).toBe(200)
  expect(await call('POST', 'faults/realtime-drop')).toEqual({ status: 200, json: { dropped: 0 } })
})

test('GET openapi lists recorded cloud calls', async () => {
  await devcloud.invoke('notify', { orderId: 'A9', trackingNo: 'YT1' }, { openid: 'o-n' })
  const { json } = await call('GET', 'openapi')
  expect(json.calls).toEqual([expect.objectContaining({ api: 'subscribeMessage.send', caller: { functionName: 'notify', openid: 'o-n' } })])
})

test('an unknown endpoint is a 404', async () => {
  expect(await call('GET', 'whatever')).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } })
})
