// assistantAccess: the shopper issues, lists and revokes the tokens an AI assistant uses to reach
// /mcp as them. The secret is returned once, by `issue`; afterwards only its id and dates exist.
import { failure, type AssistantAccessInput, type AssistantAccessResult, type AssistantTokenInfo } from '../../core/api'
import type { Clock } from '../platform/clock'
import type { Database } from '../platform/database'
import { isLive, MAX_LIVE_TOKENS, newToken, tokenHash, tokenIdOf, TOKEN_TTL_DAYS, type AssistantTokenDoc } from './accessTokens'
import { tokenRepository } from './tokenRepository'

const DAY_MS = 24 * 60 * 60 * 1000

export interface AccessDeps {
  db: Database
  now: Clock
  env: Record<string, string | undefined>
}

/** /mcp is an HTTP-access route on the same public domain the vendors push to. */
export function mcpUrlFrom(env: Record<string, string | undefined>): string | null {
  const base = env.TRACKING_PUSH_BASE_URL?.trim()
  return base ? `${base.replace(/\/+$/, '')}/mcp` : null
}

function info(doc: AssistantTokenDoc): AssistantTokenInfo {
  return { tokenId: doc._id, label: doc.label, createdAt: doc.createdAt, lastUsedAt: doc.lastUsedAt, expiresAt: doc.expiresAt }
}

export async function assistantAccess(deps: AccessDeps, openid: string, input: AssistantAccessInput): Promise<AssistantAccessResult> {
  const tokens = tokenRepository(deps.db)
  const now = deps.now()
  switch (input.action) {
    case 'issue': {
      // Counted, then written: two issues racing can both pass the count. The cap bounds how many
      // doors a shopper leaves open by mistake; it is not a security boundary, so the race is accepted.
      if ((await tokens.countLive(openid, now)) >= MAX_LIVE_TOKENS) {
        return failure('too_many_tokens', `at most ${MAX_LIVE_TOKENS} live tokens; revoke one first`)
      }
      const token = newToken()
      const hash = tokenHash(token)
      const doc: AssistantTokenDoc = {
        _id: tokenIdOf(hash),
        openid,
        tokenHash: hash,
        label: input.label || 'AI 助手',
        scope: 'shopper',
        createdAt: now,
        lastUsedAt: null,
        expiresAt: now + TOKEN_TTL_DAYS * DAY_MS,
        revoked: false,
        revokedAt: null,
        rate: { window: 0, count: 0 },
      }
      await tokens.create(doc)
      return { ok: true, action: 'issue', token, tokenId: doc._id, expiresAt: doc.expiresAt, mcpUrl: mcpUrlFrom(deps.env) }
    }
    case 'list': {
      const live = (await tokens.ofShopper(openid)).filter((doc) => isLive(doc, now))
      return { ok: true, action: 'list', tokens: live.map(info), mcpUrl: mcpUrlFrom(deps.env) }
    }
    case 'revoke': {
      if (await tokens.revoke(input.tokenId, openid, now)) return { ok: true, action: 'revoke', tokenId: input.tokenId }
      // Already revoked by this shopper: done. Anyone else's token, or none: not found, alike.
      const doc = await tokens.get(input.tokenId)
      return doc && doc.openid === openid ? { ok: true, action: 'revoke', tokenId: input.tokenId } : failure('not_found', 'no such token')
    }
  }
}
