// assistantAccess: the caller's MCP tokens — issue (the secret, once), list (no secrets), revoke.
import * as cloud from 'wx-server-sdk'
import { assistantAccessInput, failure } from '../../../core/api'
import { assistantAccess } from '../../../server/assistant/assistantAccess'
import { guarded, invalidInput } from '../../../server/functions/runtime'
import { looksLikeHttpEvent } from '../../../server/http/integrationEvent'
import { dynamicCurrentEnv, openDatabase } from '../../../server/platform/database'
import { callerFrom } from '../../../server/platform/wxContext'

cloud.init({ env: dynamicCurrentEnv(cloud) })
const db = openDatabase(cloud)

export async function main(event: unknown) {
  const { openid } = callerFrom(cloud.getWXContext())
  // Tokens are issued to a signed-in shopper only, never over an HTTP route.
  if (!openid || looksLikeHttpEvent(event)) return failure('not_signed_in', 'open the mini-program to manage assistant access')
  const input = assistantAccessInput.safeParse(event)
  if (!input.success) return invalidInput(input.error)
  return guarded('assistantAccess', () => assistantAccess({ db, now: Date.now, env: process.env }, openid, input.data))
}
