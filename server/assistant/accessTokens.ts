// Assistant access tokens (DESIGN §4 `assistantTokens`): 32 random bytes, base64url, shown to the
// shopper once. Only sha256(token) is stored; the document id is taken from that hash, so checking a
// presented token is one read by id, and a database dump holds nothing that opens /mcp.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const TOKEN_BYTES = 32
export const TOKEN_TTL_DAYS = 30
export const MAX_LIVE_TOKENS = 5
export const CALLS_PER_MINUTE = 60

export type TokenScope = 'shopper'

export interface AssistantTokenDoc {
  /** tokenId: the first 24 hex digits of sha256(token). */
  _id: string
  openid: string
  /** sha256(token), hex. */
  tokenHash: string
  label: string
  scope: TokenScope
  createdAt: number
  lastUsedAt: number | null
  expiresAt: number
  revoked: boolean
  revokedAt: number | null
  /** Fixed one-minute window of calls, kept on the token: function instances share no memory. */
  rate: { window: number; count: number }
}

/** base64url without padding: 43 characters for 32 bytes. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url')
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export function tokenIdOf(hash: string): string {
  return hash.slice(0, 24)
}

export function looksLikeToken(token: string): boolean {
  return TOKEN_SHAPE.test(token)
}

export function sameHash(stored: string, presented: string): boolean {
  const a = Buffer.from(stored, 'hex')
  const b = Buffer.from(presented, 'hex')
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b)
}

export function isLive(doc: Pick<AssistantTokenDoc, 'revoked' | 'expiresAt'>, now: number): boolean {
  return !doc.revoked && doc.expiresAt > now
}

export function rateWindow(now: number): number {
  return Math.floor(now / 60_000)
}
