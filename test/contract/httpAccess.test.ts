// HTTP access service (reference/wechat.md §1.9): requests become integration events, function
// results become responses, with longest-prefix routing, per-route auth and a body cap.
import type { DevCloud } from '../../dev/cloud'
import { startContractCloud } from '../support/devcloud'

jest.setTimeout(30_000)

let devcloud: DevCloud
beforeAll(async () => {
  devcloud = await startContractCloud()
})
afterAll(() => devcloud.close())

interface Echo {
  echo: {
    path: string
    httpMethod: string
    headers: Record<string, string>
    multiValueHeaders: Record<string, string[]>
    queryStringParameters: Record<string, string>
    requestContext: Record<string, unknown>
    body: string
    isBase64Encoded: boolean
  }
}

test('a form POST becomes the integration request event', async () => {
  const response = await fetch(`${devcloud.url}/echo/kdniao?mode=object&x=1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Vendor-Sign': 'abc' },
    body: 'RequestData=%7B%22a%22%3A1%7D&DataSign=xyz',
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  const { echo } = (await response.json()) as Echo
  expect(echo).toMatchObject({
    path: '/echo/kdniao',
    httpMethod: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-vendor-sign': 'abc' },
    multiValueHeaders: { 'x-vendor-sign': ['abc'] },
    queryStringParameters: { mode: 'object', x: '1' },
    requestContext: { envId: devcloud.envId, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) },
    body: 'RequestData=%7B%22a%22%3A1%7D&DataSign=xyz',
    isBase64Encoded: false,
  })
})

test('a binary body arrives base64-encoded', async () => {
  const response = await fetch(`${devcloud.url}/echo?mode=object`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from([0, 1, 254, 255]),
  })
  const { echo } = (await response.json()) as Echo
  expect(echo.isBase64Encoded).toBe(true)
  expect([...Buffer.from(echo.body, 'base64')]).toEqual([0, 1, 254, 255])
})

test.each([
  ['string', 'text/plain; charset=utf-8', 'pong'],
  ['number', 'text/plain; charset=utf-8', '42'],
])('a %s result is 200 text/plain', async (mode, contentType, body) => {
  const response = await fetch(`${devcloud.url}/echo?mode=${mode}`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe(contentType)
  expect(await response.text()).toBe(body)
})

test('an integration response passes through: status, headers, base64 body', async () => {
  const response = await fetch(`${devcloud.url}/echo/deep/path?mode=integration`)
  expect(response.status).toBe(201)
  expect(response.headers.get('content-type')).toBe('application/octet-stream')
  expect(response.headers.get('x-echo-path')).toBe('/echo/deep/path')
  expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 2, 255])
})

test('the longest matching route wins, and HTTP calls carry no OPENID', async () => {
  const response = await fetch(`${devcloud.url}/echo/who`)
  const result = (await response.json()) as { context: { OPENID?: string; SOURCE?: string } }
  expect(result.context.OPENID).toBeUndefined()
  expect(result.context.SOURCE).toBe('http')
})

test('an auth route needs Authorization: Bearer …, else 401 MISSING_CREDENTIALS', async () => {
  const denied = await fetch(`${devcloud.url}/secure?mode=string`)
  expect(denied.status).toBe(401)
  expect(await denied.json()).toMatchObject({ code: 'MISSING_CREDENTIALS' })
  const allowed = await fetch(`${devcloud.url}/secure?mode=string`, { headers: { authorization: 'Bearer warehouse-api-key' } })
  expect(allowed.status).toBe(200)
  expect(await allowed.text()).toBe('pong')
})

test('a body over 6 MB gets 413 and the function never runs', async () => {
  const response = await fetch(`${devcloud.url}/echo?mode=object`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: 'x'.repeat(6 * 1024 * 1024 + 1),
  })
  expect(response.status).toBe(413)
  expect(await response.json()).toMatchObject({ code: 'REQUEST_ENTITY_TOO_LARGE' })
})

test('a failing function answers 502 with the platform code', async () => {
  const response = await fetch(`${devcloud.url}/broken`, { method: 'POST', body: '{}' })
  expect(response.status).toBe(502)
  expect(await response.json()).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', message: expect.stringContaining('boom') })
})

test('an unrouted path is 404; browsers get CORS headers', async () => {
  const response = await fetch(`${devcloud.url}/nowhere`)
  expect(response.status).toBe(404)
  expect(response.headers.get('access-control-allow-origin')).toBe('*')
  const preflight = await fetch(`${devcloud.url}/client`, {
    method: 'OPTIONS',
    headers: { origin: 'http://127.0.0.1:10086', 'access-control-request-headers': 'x-devcloud-openid' },
  })
  expect(preflight.status).toBe(204)
  expect(preflight.headers.get('access-control-allow-headers')).toContain('x-devcloud-openid')
})
