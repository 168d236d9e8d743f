// The assistant's functions for the orders page: the question box (askParcel) and the shopper's
// MCP tokens (assistantAccess). Typed by core/api; failures are values, as for every function.
import type { AskParcelResult, AssistantAccessResult } from '@core/api'
import { cloud } from '../cloud'

export interface AssistantApi {
  ask(question: string): Promise<AskParcelResult>
  issueToken(label?: string): Promise<AssistantAccessResult>
  listTokens(): Promise<AssistantAccessResult>
  revokeToken(tokenId: string): Promise<AssistantAccessResult>
}

export const assistantApi: AssistantApi = {
  ask: (question) => cloud().callFunction<AskParcelResult>('askParcel', { question }),
  issueToken: (label) =>
    cloud().callFunction<AssistantAccessResult>('assistantAccess', label ? { action: 'issue', label } : { action: 'issue' }),
  listTokens: () => cloud().callFunction<AssistantAccessResult>('assistantAccess', { action: 'list' }),
  revokeToken: (tokenId) => cloud().callFunction<AssistantAccessResult>('assistantAccess', { action: 'revoke', tokenId }),
}
