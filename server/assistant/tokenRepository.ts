// The `assistantTokens` collection (functions only: rule read/write false). Every change is one
// small write: issue is one set, revoke one update, and a call through /mcp one conditional update
// that counts it against the minute's budget and records lastUsedAt together.
import type { Database } from '../platform/database'
import { CALLS_PER_MINUTE, type AssistantTokenDoc } from './accessTokens'

export const ASSISTANT_TOKENS = 'assistantTokens'
/** More than a shopper can hold live (5) plus the revoked and expired ones worth listing. */
const LIST_LIMIT = 100

export function tokenRepository(db: Database) {
  const tokens = () => db.collection(ASSISTANT_TOKENS)
  const _ = db.command

  return {
    async get(tokenId: string): Promise<AssistantTokenDoc | null> {
      return (await tokens().doc(tokenId).get()).data as AssistantTokenDoc | null
    },

    async ofShopper(openid: string): Promise<AssistantTokenDoc[]> {
      return (await tokens().where({ openid }).orderBy('createdAt', 'desc').limit(LIST_LIMIT).get()).data as unknown as AssistantTokenDoc[]
    },

    async countLive(openid: string, now: number): Promise<number> {
      return (
        await tokens()
          .where({ openid, revoked: false, expiresAt: _.gt(now) })
          .count()
      ).total
    },

    async create(doc: AssistantTokenDoc): Promise<void> {
      const { _id, ...data } = doc
      await tokens().doc(_id).set({ data })
    },

    async revoke(tokenId: string, openid: string, now: number): Promise<boolean> {
      const changed = await tokens()
        .where({ _id: tokenId, openid, revoked: false })
        .update({ data: { revoked: true, revokedAt: now } })
      return changed.stats.updated === 1
    },

    /** Counts one call in `window` unless the window's budget is spent; false when it is (or a
     * concurrent call changed the window first: the caller re-reads). */
    async countCall(doc: AssistantTokenDoc, window: number, now: number): Promise<boolean> {
      const counted =
        doc.rate.window === window
          ? await tokens()
              .where({ _id: doc._id, 'rate.window': window, 'rate.count': _.lt(CALLS_PER_MINUTE) })
              .update({ data: { 'rate.count': _.inc(1), lastUsedAt: now } })
          : await tokens()
              .where({ _id: doc._id, 'rate.window': doc.rate.window, 'rate.count': doc.rate.count })
              .update({ data: { rate: _.set({ window, count: 1 }), lastUsedAt: now } })
      return counted.stats.updated === 1
    },
  }
}
