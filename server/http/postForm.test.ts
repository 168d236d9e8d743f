import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { FORM_CONTENT_TYPE, type VendorRequest } from '../../core/aggregators'
import { postForm } from './postForm'

let server: http.Server
let base: string
const seen: Array<{ path: string; type: string | undefined; body: string }> = []

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      seen.push({ path: request.url ?? '', type: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') })
      if (request.url === '/slow') return // never answers: the client's timeout must end it
      if (request.url === '/huge') return void response.end(Buffer.alloc(3 * 1024 * 1024, 'x'))
      response.writeHead(request.url === '/busy' ? 502 : 200, { connection: 'close' }).end('{"Success":true,"中":"文"}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const request = (path: string): VendorRequest => ({
  method: 'POST',
  path,
  contentType: FORM_CONTENT_TYPE,
  body: 'RequestData=%7B%7D&中=文',
})

describe('postForm', () => {
  it('sends the form as given and returns the answer text', async () => {
    expect(await postForm(`${base}/`, request('/api/dist'), 2000)).toEqual({ ok: true, status: 200, text: '{"Success":true,"中":"文"}' })
    expect(seen.at(-1)).toEqual({ path: '/api/dist', type: FORM_CONTENT_TYPE, body: 'RequestData=%7B%7D&中=文' })
  })

  it.each([
    ['/busy', { ok: true, status: 502, text: '{"Success":true,"中":"文"}' }],
    ['/slow', { ok: false, reason: 'timeout', detail: 'no answer within 200 ms' }],
    ['/huge', { ok: false, reason: 'too_large', detail: `answer over ${2 * 1024 * 1024} bytes` }],
  ])('%s', async (path, expected) => {
    expect(await postForm(base, request(path), 200)).toEqual(expected)
  })

  it('reports a refused connection as a network failure', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const answer = await postForm(`http://127.0.0.1:${port}`, request('/'), 2000)
    expect(answer).toMatchObject({ ok: false, reason: 'network', detail: expect.stringContaining('ECONNREFUSED') })
  })
})
