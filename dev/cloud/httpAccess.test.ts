import { fromFunctionResult, hasCredentials, matchRoute, toIntegrationEvent } from './httpAccess'

const routes = [
  { path: '/tracking/push', function: 'push', auth: false },
  { path: '/tracking/push/kdniao', function: 'kdniao', auth: false },
  { path: '/warehouse', function: 'warehouse', auth: true },
]

describe('matchRoute (longest prefix, on segment boundaries)', () => {
  test.each([
    ['/tracking/push', 'push'],
    ['/tracking/push/kuaidi100', 'push'],
    ['/tracking/push/kdniao', 'kdniao'],
    ['/tracking/push/kdniao/extra', 'kdniao'],
    ['/tracking/pushy', undefined],
    ['/warehouse/backfill', 'warehouse'],
    ['/', undefined],
  ])('%s → %s', (path, expected) => {
    expect(matchRoute(routes, path)?.function).toBe(expected)
  })
})

describe('toIntegrationEvent', () => {
  const event = (contentType: string | undefined, body: Buffer) =>
    toIntegrationEvent(
      {
        method: 'post',
        url: new URL('http://devcloud/tracking/push?a=1&b=2&a=3'),
        rawHeaders: ['Host', 'devcloud', ...(contentType ? ['Content-Type', contentType] : []), 'X-Multi', 'one', 'x-multi', 'two'],
        body,
      },
      'test-env',
    )

  test('maps method, path, lower-cased headers, multi-value headers and the query string', () => {
    const mapped = event('application/x-www-form-urlencoded', Buffer.from('RequestData=%7B%7D&DataSign=abc'))
    expect(mapped).toMatchObject({
      path: '/tracking/push',
      httpMethod: 'POST',
      headers: { host: 'devcloud', 'content-type': 'application/x-www-form-urlencoded', 'x-multi': 'one,two' },
      multiValueHeaders: { 'x-multi': ['one', 'two'] },
      queryStringParameters: { a: '3', b: '2' },
      body: 'RequestData=%7B%7D&DataSign=abc',
      isBase64Encoded: false,
    })
    expect(mapped.requestContext).toMatchObject({ envId: 'test-env', appId: expect.any(Number), uin: expect.any(Number) })
    expect(mapped.requestContext.requestId).toMatch(/^[0-9a-f]{32}$/)
  })

  test.each([
    ['application/json; charset=utf-8', false],
    ['text/plain', false],
    ['application/vnd.api+json', false],
    ['application/octet-stream', true],
    ['image/png', true],
    [undefined, true],
  ])('%s body is base64: %p', (contentType, base64) => {
    const body = Buffer.from([104, 105, 0, 255])
    const mapped = event(contentType, body)
    expect(mapped.isBase64Encoded).toBe(base64)
    expect(
      Buffer.from(mapped.body, base64 ? 'base64' : 'utf8')
        .subarray(0, 2)
        .toString(),
    ).toBe('hi')
  })
})

describe('fromFunctionResult', () => {
  test.each([
    ['a string', 'success', 200, 'text/plain; charset=utf-8', 'success'],
    ['a number', 42, 200, 'text/plain; charset=utf-8', '42'],
    ['a plain object', { ok: true }, 200, 'application/json; charset=utf-8', '{"ok":true}'],
    ['an array', [1, 2], 200, 'application/json; charset=utf-8', '[1,2]'],
    [
      'an integration response',
      { statusCode: 400, headers: { 'Content-Type': 'application/json' }, body: '{"Success":false}' },
      400,
      'application/json',
      '{"Success":false}',
    ],
  ])('%s', (_label, result, status, contentType, body) => {
    const reply = fromFunctionResult(result)
    expect(reply.status).toBe(status)
    expect(reply.headers['content-type']).toBe(contentType)
    expect(reply.body.toString()).toBe(body)
  })

  test('a base64 integration body is decoded', () => {
    const reply = fromFunctionResult({ statusCode: 200, body: Buffer.from([0, 255]).toString('base64'), isBase64Encoded: true })
    expect([...reply.body]).toEqual([0, 255])
  })
})

test.each([
  [{ authorization: 'Bearer abc' }, true],
  [{ authorization: 'bearer abc' }, true],
  [{ authorization: 'Bearer ' }, false],
  [{ authorization: 'Basic abc' }, false],
  [{ 'x-cloudbase-credentials': 'token' }, true],
  [{}, false],
])('credentials %p → %p', (headers, expected) => {
  expect(hasCredentials(headers)).toBe(expected)
})
