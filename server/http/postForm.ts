// POSTs a vendor request (a form built by core/aggregators) with node:http/https: functions run on a
// node16 runtime without a global fetch (scripts/buildFunctions.ts). Expected failures are values;
// the answer is capped because a vendor answer is small and anything huge is a fault.
import * as http from 'node:http'
import * as https from 'node:https'
import type { VendorRequest } from '../../core/aggregators'

export type HttpAnswer =
  { ok: true; status: number; text: string } | { ok: false; reason: 'network' | 'timeout' | 'too_large'; detail: string }

const MAX_ANSWER_BYTES = 2 * 1024 * 1024

export type PostForm = (baseUrl: string, request: VendorRequest, timeoutMs: number) => Promise<HttpAnswer>

export const postForm: PostForm = (baseUrl, request, timeoutMs) =>
  new Promise((resolve) => {
    const url = new URL(baseUrl.replace(/\/+$/, '') + request.path)
    const transport = url.protocol === 'https:' ? https : http
    const body = Buffer.from(request.body, 'utf8')
    let settled = false
    const finish = (answer: HttpAnswer) => {
      if (settled) return
      settled = true
      resolve(answer)
    }
    const outgoing = transport.request(
      url,
      {
        method: request.method,
        headers: { 'content-type': request.contentType, 'content-length': String(body.length), connection: 'close' },
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_ANSWER_BYTES) {
            finish({ ok: false, reason: 'too_large', detail: `answer over ${MAX_ANSWER_BYTES} bytes` })
            response.destroy()
          } else chunks.push(chunk)
        })
        response.on('end', () => finish({ ok: true, status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', (error) => finish({ ok: false, reason: 'network', detail: error.message }))
      },
    )
    outgoing.setTimeout(timeoutMs, () => {
      finish({ ok: false, reason: 'timeout', detail: `no answer within ${timeoutMs} ms` })
      outgoing.destroy()
    })
    outgoing.on('error', (error) => finish({ ok: false, reason: 'network', detail: error.message }))
    outgoing.end(body)
  })
