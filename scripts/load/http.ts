// Plain HTTP to 127.0.0.1 for the load tools: one fresh connection per request (no keep-alive agent,
// as an aggregator's push client behaves and so no pooled socket outlives a run), every request
// bounded by a timeout.
import * as http from 'node:http'

export interface Answer {
  status: number
  body: string
}

export function request(
  method: 'GET' | 'POST',
  url: string,
  body?: string,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body, 'utf8')
    const outgoing = http.request(
      url,
      {
        method,
        agent: false,
        headers: payload ? { 'content-length': String(payload.length), ...headers } : headers,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', reject)
      },
    )
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer from ${method} ${url} within ${timeoutMs} ms`)))
    outgoing.on('error', reject)
    outgoing.end(payload)
  })
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }
