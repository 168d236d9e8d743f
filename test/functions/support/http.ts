// Plain HTTP for the tests (127.0.0.1 only): what a vendor or a warehouse system sends.
import * as http from 'node:http'

export interface HttpResult {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-length': String(payload.length), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        )
        response.on('error', reject)
      },
    )
    request.setTimeout(30_000, () => request.destroy(new Error(`no answer from ${url} within 30 s`)))
    request.on('error', reject)
    request.end(payload)
  })
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }
