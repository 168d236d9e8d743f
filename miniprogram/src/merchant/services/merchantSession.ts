// Who is using the console: asked once per app session and shared by every merchant page (the
// pages redirect between each other, and each would otherwise ask again). The server checks every
// call anyway; this only decides what the page shows.
import type { MerchantConsoleResult } from '@core/api/merchant'
import { merchantApi } from './merchantApi'

export type MerchantSession = { kind: 'merchant'; name: string } | { kind: 'not_merchant' } | { kind: 'failed' }

let answer: Promise<MerchantSession> | null = null

function sessionOf(result: MerchantConsoleResult<'session'>): MerchantSession {
  if (result.ok) return { kind: 'merchant', name: result.merchant.name }
  return result.reason === 'not_merchant' || result.reason === 'not_signed_in' ? { kind: 'not_merchant' } : { kind: 'failed' }
}

export function merchantSession(): Promise<MerchantSession> {
  answer ??= merchantApi.session().then(sessionOf, () => ({ kind: 'failed' as const }))
  return answer.then((session) => {
    // A failure is not remembered: the next page (or the retry button) asks again.
    if (session.kind === 'failed') answer = null
    return session
  })
}
