// Who is calling /mcp: `Authorization: Bearer <token>` → the token's shopper, or a refusal that
// says nothing about why (missing, forged, expired and revoked look the same). Each accepted call
// is counted against the token's minute budget in the same write that records lastUsedAt.
import type { Clock } from '../platform/clock'
import type { Database } from '../platform/database'
import { isLive, looksLikeToken, rateWindow, sameHash, tokenHash, tokenIdOf, type TokenScope } from './accessTokens'
import { tokenRepository } from './tokenRepository'

export type BearerCheck =
  | { ok: true; tokenId: string; openid: string; scope: TokenScope }
  | { ok: false; reason: 'unauthorized' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i

export function bearerToken(header: string | undefined): string | null {
  return BEARER.exec(header ?? '')?.[1] ?? null
}

export async function authenticateBearer(deps: { db: Database; now: Clock }, header: string | undefined): Promise<BearerCheck> {
  const token = bearerToken(header)
  if (!token || !looksLikeToken(token)) return { ok: false, reason: 'unauthorized' }
  const hash = tokenHash(token)
  const tokens = tokenRepository(deps.db)
  // Two rounds: the second only when a concurrent call moved the window between read and write.
  for (let round = 0; round < 2; round += 1) {
    const doc = await tokens.get(tokenIdOf(hash))
    const now = deps.now()
    if (!doc || !sameHash(doc.tokenHash, hash) || !isLive(doc, now)) return { ok: false, reason: 'unauthorized' }
    const window = rateWindow(now)
    if (await tokens.countCall(doc, window, now)) return { ok: true, tokenId: doc._id, openid: doc.openid, scope: doc.scope }
    if (doc.rate.window === window) break
  }
  const now = deps.now()
  return { ok: false, reason: 'rate_limited', retryAfterSeconds: Math.max(1, Math.ceil(((rateWindow(now) + 1) * 60_000 - now) / 1000)) }
}
