// /mcp over HTTP access: the "集成请求" event in, an integration response out, with the official
// MCP SDK's web-standard Streamable HTTP transport in between — stateless (a new server and
// transport per request, no session id) and in JSON-response mode, because an HTTP-access function
// returns one body and cannot hold a stream open. Before the SDK sees anything: POST only, no token
// in the URL, a valid Bearer token within its rate, a capped JSON body that is not a batch.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import { headerOf, integrationEventSchema, rawBodyOf, type IntegrationResponse } from './integrationEvent'

/** A JSON-RPC message for three tools is a few hundred bytes; 64 KiB leaves room and bounds parsing. */
export const MAX_MCP_BODY_BYTES = 64 * 1024

/** Query parameters that carry credentials in other MCP servers (Kuaidi100's `?key=`): refused. */
const CREDENTIAL_PARAMS = /^(access_?token|token|key|api_?key|auth|authorization|bearer)$/i

export type McpCaller =
  | { ok: true; openid: string; tokenId: string; scope: string }
  | { ok: false; reason: 'unauthorized' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

export interface McpEndpoint {
  authenticate(authorization: string | undefined): Promise<McpCaller>
  createServer(caller: { openid: string; tokenId: string; scope: string }): McpServer
}

function reply(statusCode: number, headers: Record<string, string>, body: string): IntegrationResponse {
  return { isBase64Encoded: false, statusCode, headers, body }
}

/** A JSON-RPC error without an id: the request was refused before it was read as a message. */
function rpcError(statusCode: number, code: number, message: string, headers: Record<string, string> = {}): IntegrationResponse {
  return reply(
    statusCode,
    { 'content-type': 'application/json; charset=utf-8', ...headers },
    JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message } }),
  )
}

export async function handleMcpEvent(event: unknown, endpoint: McpEndpoint): Promise<IntegrationResponse> {
  const parsed = integrationEventSchema.safeParse(event)
  if (!parsed.success) return rpcError(400, -32600, 'not an HTTP request')
  const request = parsed.data
  if (request.httpMethod.toUpperCase() !== 'POST') {
    // No standalone SSE stream (GET) and no sessions to end (DELETE) in stateless JSON mode.
    return rpcError(405, -32000, 'Method not allowed: this MCP endpoint is stateless; POST JSON-RPC messages', { allow: 'POST' })
  }
  if (Object.keys(request.queryStringParameters ?? {}).some((name) => CREDENTIAL_PARAMS.test(name))) {
    return rpcError(400, -32600, 'Credentials in the URL are refused: send Authorization: Bearer <token>')
  }

  const caller = await endpoint.authenticate(headerOf(request, 'authorization'))
  if (!caller.ok && caller.reason === 'unauthorized') return reply(401, { 'www-authenticate': 'Bearer' }, '')
  if (!caller.ok)
    return rpcError(429, -32000, 'Too many requests for this token; try again shortly', { 'retry-after': String(caller.retryAfterSeconds) })

  const raw = rawBodyOf(request, MAX_MCP_BODY_BYTES)
  if (!raw.ok)
    return raw.reason === 'too_large'
      ? rpcError(413, -32600, `Request body over ${MAX_MCP_BODY_BYTES} bytes`)
      : rpcError(400, -32700, 'Parse error: body is not valid base64')
  let message: unknown
  try {
    message = JSON.parse(raw.body)
  } catch {
    return rpcError(400, -32700, 'Parse error: body is not JSON')
  }
  // JSON-RPC batches left MCP in protocol 2025-06-18; one message per request keeps the rate honest.
  if (Array.isArray(message))
    return rpcError(400, -32600, 'Invalid Request: batch requests are not supported; send one message per request')

  const server = endpoint.createServer(caller)
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true })
  try {
    await server.connect(transport)
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) headers.set(name, value)
    const host = headerOf(request, 'host') ?? 'localhost'
    const webRequest = new Request(`https://${host}${request.path}`, { method: 'POST', headers, body: raw.body })
    const response = await transport.handleRequest(webRequest, {
      parsedBody: message,
      authInfo: { token: '', clientId: caller.tokenId, scopes: [caller.scope] },
    })
    const out: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      out[name] = value
    })
    return reply(response.status, out, await response.text())
  } finally {
    await server.close()
  }
}
