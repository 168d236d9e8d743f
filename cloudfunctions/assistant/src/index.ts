// assistant (HTTP access POST /mcp): the shopper's MCP server. The Bearer token names the shopper;
// the adapter refuses everything else before the SDK runs. Node 18 runtime: the SDK needs the
// web-standard Request/Response (config.json).
import * as cloud from 'wx-server-sdk'
import { createAssistantServer } from '../../../server/assistant/assistantTools'
import { authenticateBearer } from '../../../server/assistant/authenticateBearer'
import { guarded } from '../../../server/functions/runtime'
import { handleMcpEvent } from '../../../server/http/mcpAdapter'
import { jsonResponse } from '../../../server/http/integrationEvent'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const answer = await guarded('assistant', () =>
    handleMcpEvent(event, {
      authenticate: (authorization) => authenticateBearer({ db, now: Date.now }, authorization),
      createServer: (caller) => createAssistantServer({ db, now: Date.now, openid: caller.openid }),
    }),
  )
  return 'statusCode' in answer
    ? answer
    : jsonResponse(500, { jsonrpc: '2.0', id: null, error: { code: -32603, message: 'Internal error' } })
}
