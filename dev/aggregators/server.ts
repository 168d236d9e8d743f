// One HTTP server on 127.0.0.1 serving both vendors' paths (and the sandbox's own admin routes).
// A vendor-API outage is decided here, before any handler runs, so a refused or held request
// leaves no state behind.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Vendor } from './carriers'
import type { HttpReply } from './context'
import type { FaultState } from './faultState'

export interface Route {
  method: 'GET' | 'POST'
  path: string
  /** Set for vendor endpoints: an outage of this vendor answers `busy` (or holds the request). */
  vendor?: Vendor
  busy?: HttpReply
  handle(body: string, query: URLSearchParams): HttpReply
}

const MAX_BODY_BYTES = 1024 * 1024

function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolve(undefined)
        request.resume()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  if (response.writableEnded || response.destroyed) return
  const text = JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) })
  response.end(text)
}

async function reply(response: http.ServerResponse, answer: HttpReply, faults: FaultState): Promise<void> {
  if (answer.kind === 'hang') {
    await faults.waitForOutageEnd()
    return reply(response, answer.after, faults)
  }
  send(response, answer.status, answer.body)
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export async function startServer(routes: readonly Route[], faults: FaultState, port: number): Promise<RunningServer> {
  const byKey = new Map(routes.map((route) => [`${route.method} ${route.path.toLowerCase()}`, route]))
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const route = byKey.get(`${request.method} ${url.pathname.toLowerCase()}`)
    if (!route) {
      const known = routes.some((candidate) => candidate.path.toLowerCase() === url.pathname.toLowerCase())
      send(response, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' })
      return
    }
    void (async () => {
      const body = await readBody(request)
      if (body === undefined) {
        send(response, 413, { error: 'body over 1 MB' })
        return
      }
      const outage = route.vendor ? faults.outageFor(route.vendor) : null
      if (outage && route.busy) {
        await reply(response, outage === 'hang' ? { kind: 'hang', after: route.busy } : route.busy, faults)
        return
      }
      await reply(response, route.handle(body, url.searchParams), faults)
    })().catch((error: unknown) => {
      // A handler throwing is a sandbox bug: say so loudly rather than answer like the vendor.
      console.error('[sandbox] handler failed', error)
      send(response, 500, { error: 'sandbox bug', detail: String(error) })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        faults.releaseHeld()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
