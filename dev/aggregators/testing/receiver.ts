// A local push receiver for tests: records every push and answers what the test says. It parses
// form bodies with URLSearchParams (an independent decoder), so the sandbox's own codec is not
// what checks the sandbox.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedPush {
  path: string
  body: string
  fields: Record<string, string>
}

export type ReceiverAnswer = { status: number; body: string } | 'hang'

export interface Receiver {
  url: string
  received: ReceivedPush[]
  close(): Promise<void>
}

export const KDNIAO_ACK = JSON.stringify({ EBusinessID: '1900001', UpdateTime: '2025-01-02 10:00:00', Success: true, Reason: '' })
export const KUAIDI100_ACK = JSON.stringify({ result: true, returnCode: '200', message: '成功' })

export async function startReceiver(answer: (push: ReceivedPush, index: number) => ReceiverAnswer): Promise<Receiver> {
  const received: ReceivedPush[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const push = { path: request.url ?? '/', body, fields: Object.fromEntries(new URLSearchParams(body)) }
      received.push(push)
      const reply = answer(push, received.length - 1)
      if (reply === 'hang') return
      response.writeHead(reply.status, { 'content-type': 'application/json' })
      response.end(reply.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
