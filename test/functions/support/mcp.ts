// MCP over Streamable HTTP against the local cloud's /mcp route: the SDK's own client for the
// protocol, and raw requests for what a client would never send (no token, GET, batches…).
import * as http from 'node:http'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { HttpResult } from './http'

export async function connectMcp(baseUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: 'parcel-tests', version: '1.0.0' })
  const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  })
  await client.connect(transport)
  return client
}

export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult
}

export function toolText(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
}

export const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
}

export function rawMcp(
  baseUrl: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(options.body ?? '', 'utf8')
    const request = http.request(
      `${baseUrl}${options.path ?? '/mcp'}`,
      {
        method: options.method ?? 'POST',
        agent: false,
        headers: { ...(payload.length > 0 ? { 'content-length': String(payload.length) } : {}), ...options.headers },
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
    request.setTimeout(30_000, () => request.destroy(new Error('no answer from /mcp within 30 s')))
    request.on('error', reject)
    request.end(payload)
  })
}

export const rpc = (method: string, params: Record<string, unknown> = {}, id = 1) => JSON.stringify({ jsonrpc: '2.0', id, method, params })
