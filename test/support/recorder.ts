// A recording proxy for wire snapshots: captures each request the SDK sends (path, headers, body),
// forwards it unchanged to the devcloud, and relays the reply.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingHttpHeaders
  body: Buffer
  reply: Buffer
}

export interface Recorder {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

export async function startRecorder(target: string): Promise<Recorder> {
  const requests: RecordedRequest[] = []
  const upstream = new URL(target)
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(incoming.url ?? '/', 'http://recorder')
      const forwarded = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: `/admin${url.search}`,
          headers: { ...incoming.headers, host: upstream.host },
        },
        (reply) => {
          const replyChunks: Buffer[] = []
          reply.on('data', (chunk: Buffer) => replyChunks.push(chunk))
          reply.on('end', () => {
            const replyBody = Buffer.concat(replyChunks)
            requests.push({
              method: incoming.method ?? '',
              path: url.pathname,
              query: Object.fromEntries(url.searchParams),
              headers: incoming.headers,
              body,
              reply: replyBody,
            })
            outgoing
              .writeHead(reply.statusCode ?? 502, {
                'content-type': reply.headers['content-type'] ?? 'application/json',
                connection: 'close',
              })
              .end(replyBody)
          })
        },
      )
      forwarded.on('error', () => outgoing.writeHead(502, { connection: 'close' }).end())
      forwarded.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
