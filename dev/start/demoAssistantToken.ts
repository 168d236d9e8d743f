// npm start's MCP demo: a fresh assistant token for dev-shopper, issued through the real
// assistantAccess function. The previous run's demo token is revoked first, so restarts never hit
// the 5-live-tokens cap and only the token printed now works.
import type { AssistantAccessResult } from '../../core/api'
import type { DevCloud } from '../cloud'

const DEMO_LABEL = 'npm start demo'

export async function demoAssistantToken(devcloud: DevCloud, openid = 'dev-shopper'): Promise<string | null> {
  try {
    const listed = await devcloud.invoke<AssistantAccessResult>('assistantAccess', { action: 'list' }, { openid })
    if (listed.ok && listed.action === 'list') {
      for (const token of listed.tokens.filter((info) => info.label === DEMO_LABEL)) {
        await devcloud.invoke('assistantAccess', { action: 'revoke', tokenId: token.tokenId }, { openid })
      }
    }
    const issued = await devcloud.invoke<AssistantAccessResult>('assistantAccess', { action: 'issue', label: DEMO_LABEL }, { openid })
    return issued.ok && issued.action === 'issue' ? issued.token : null
  } catch {
    return null
  }
}
