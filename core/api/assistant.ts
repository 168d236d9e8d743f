// The assistant's functions (issue 16): `assistantAccess` manages the shopper's MCP tokens,
// `askParcel` answers a question from the app with the same resolver the MCP tools use.
import * as z from '../validation/zod'
import type { CommonFailure, Failure } from './result'

/** Longer questions are refused at the edge (askParcel, the MCP tool): nobody types more. */
export const MAX_QUESTION_CHARS = 200

/** One of several orders a question fits, for "which one did you mean?". */
export interface AnswerChoice {
  orderId: string
  parcelIds: string[]
  label: string
}

export const tokenIdSchema = z.string().check(z.regex(/^[0-9a-f]{24}$/, 'must be a token id'))

export const assistantAccessInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('issue'), label: z.optional(z.string().check(z.trim(), z.maxLength(40))) }),
  z.object({ action: z.literal('list') }),
  z.object({ action: z.literal('revoke'), tokenId: tokenIdSchema }),
])
export type AssistantAccessInput = z.infer<typeof assistantAccessInput>

/** A token as the shopper sees it after issue: never the secret. */
export interface AssistantTokenInfo {
  tokenId: string
  label: string
  createdAt: number
  lastUsedAt: number | null
  expiresAt: number
}

/** `mcpUrl`: where an MCP client connects (the HTTP-access domain + /mcp); null when not configured. */
export type AssistantAccessResult =
  | { ok: true; action: 'issue'; token: string; tokenId: string; expiresAt: number; mcpUrl: string | null }
  | { ok: true; action: 'list'; tokens: AssistantTokenInfo[]; mcpUrl: string | null }
  | { ok: true; action: 'revoke'; tokenId: string }
  | Failure<CommonFailure | 'too_many_tokens' | 'not_found'>

export const askParcelInput = z.object({
  question: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_QUESTION_CHARS)),
})
export type AskParcelInput = z.infer<typeof askParcelInput>

export type AskParcelResult =
  { ok: true; answer: string; orderId?: string; parcelIds?: string[]; choices?: AnswerChoice[] } | Failure<CommonFailure>
