import { headerOf, looksLikeHttpEvent, rawBodyOf, type IntegrationEvent } from './integrationEvent'

const event = (body: string, isBase64Encoded = false): IntegrationEvent => ({
  path: '/p',
  httpMethod: 'POST',
  headers: { 'Content-Type': 'x' },
  body,
  isBase64Encoded,
})

describe('HTTP access events', () => {
  it.each<[string, IntegrationEvent, number, unknown]>([
    ['plain text within the cap', event('a=1&b=2'), 16, { ok: true, body: 'a=1&b=2' }],
    ['base64 decoded once', event(Buffer.from('param=中文').toString('base64'), true), 64, { ok: true, body: 'param=中文' }],
    [
      'plain text over the cap (bytes, not characters)',
      event('中'.repeat(6)),
      16,
      { ok: false, reason: 'too_large', detail: 'body over 16 bytes' },
    ],
    [
      'base64 over the cap',
      event(Buffer.alloc(40).toString('base64'), true),
      16,
      { ok: false, reason: 'too_large', detail: 'body over 16 bytes' },
    ],
    [
      'base64 that is not',
      event('not base64!', true),
      64,
      { ok: false, reason: 'bad_encoding', detail: 'isBase64Encoded but the body is not base64' },
    ],
    ['no body', { path: '/p', httpMethod: 'POST', headers: {} }, 16, { ok: true, body: '' }],
  ])('%s', (_case, input, max, expected) => {
    expect(rawBodyOf(input, max)).toEqual(expected)
  })

  it('reads headers case-insensitively and tells HTTP-shaped events apart', () => {
    expect(headerOf(event(''), 'content-type')).toBe('x')
    expect(looksLikeHttpEvent({ httpMethod: 'POST' })).toBe(true)
    expect(looksLikeHttpEvent({ entries: [] })).toBe(false)
    expect(looksLikeHttpEvent(null)).toBe(false)
  })
})
