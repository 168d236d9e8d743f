// askParcel: the app's question box ("问问我的包裹"), answered from the caller's own orders by the
// same resolver as the MCP tool where_is_my_parcel.
import type { AskParcelResult } from '../../core/api'
import { resolveParcelQuestion, type ParcelAnswer } from '../../core/assistant'
import type { Clock } from '../platform/clock'
import type { Database } from '../platform/database'
import { shopperOrderViews } from './orderViews'

export async function answerQuestion(deps: { db: Database; now: Clock }, openid: string, question: string): Promise<ParcelAnswer> {
  const orders = await shopperOrderViews(deps.db, openid)
  return resolveParcelQuestion(question, orders, deps.now())
}

export async function askParcel(deps: { db: Database; now: Clock }, openid: string, question: string): Promise<AskParcelResult> {
  const answer = await answerQuestion(deps, openid, question)
  switch (answer.kind) {
    case 'answer':
      return { ok: true, answer: answer.text, orderId: answer.orderId, parcelIds: answer.parcelIds }
    case 'choose':
      return { ok: true, answer: answer.text, choices: answer.choices }
    case 'none':
      return { ok: true, answer: answer.text }
  }
}
