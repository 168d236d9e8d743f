// Whether to show the 商家 tab: asked once per app session (each tab page has its own tab bar
// instance on weapp, and they must agree without a call each).
import { shopperApi } from './shopperApi'

let answer: Promise<boolean> | null = null

export function isMerchant(): Promise<boolean> {
  answer ??= shopperApi.merchantSession().then(
    (result) => result.ok,
    () => {
      // A failed call hides the tab this time but may be asked again later.
      answer = null
      return false
    },
  )
  return answer
}
