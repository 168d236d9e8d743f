// Courier or pickup-station contact inside trace text, e.g. `派件人:张师傅,电话:13800001234`,
// `【快递员 李四 138****5678】`, `已放入【菜鸟驿站XX店】,联系电话:0755-12345678`. The phone is kept
// unmasked here because only the parcel's owner can read it (tap-to-call); display text is masked.
import { LANDLINE, MOBILE } from './phonePatterns'

export interface CourierContact {
  kind: 'courier' | 'station'
  name?: string
  /** Mobile as 11 digits (or the carrier's masked 138****1234), landline as `0755-12345678`. */
  phone?: string
}

// SF writes "快件交给刘某，正在派送途中": 交给 counts only when a short name and a comma follow.
const COURIER_WORD =
  /派件人|派送人|派件员|派送员|快递员|投递员|收件员|揽件员|揽收员|配送员|业务员|快递小哥|交给(?=[\u4e00-\u9fa5·]{1,4}[，,])/
const STATION_WORD = /驿站|快递柜|智能柜|代收点|自提点|服务站|丰巢|取件码|存放至|已存放/
const DELIVERY_CONTEXT = /派件|派送|投递/
// A name stops where ordinary sentence words start: "快递员李四正在派件" → 李四.
const NAME_STOP = /电话|手机|联系|正在|已|为您|将|会|请|的/
const NAME = /^[\s:：【[（(]*([\u4e00-\u9fa5·]{1,6}|[A-Za-z][A-Za-z .]{0,19})/
const NOT_A_NAME = /快递|公司|物流|网点|中心|驿站|速运|速递/
const STATION_NAME = /【([^】]*(?:驿站|柜|代收点|自提点|服务站|丰巢|超市|便利店|快递点|门卫)[^】]*)】/

// Non-global copies, made once: exec on these has no lastIndex state to reset.
const FIRST_MOBILE = new RegExp(MOBILE.source)
const FIRST_LANDLINE = new RegExp(LANDLINE.source)
// Every phone shape ends in four digits; most scan lines have none and skip both searches.
const FOUR_DIGITS = /\d{4}/

function firstPhone(text: string): string | undefined {
  if (!FOUR_DIGITS.test(text)) return undefined
  const mobile = FIRST_MOBILE.exec(text)
  const landline = FIRST_LANDLINE.exec(text)
  const mobileAt = mobile ? mobile.index : Infinity
  const landlineAt = landline ? landline.index : Infinity
  if (mobile && mobileAt <= landlineAt) return `${mobile[3]}${mobile[4]}${mobile[5]}`
  return landline ? `${landline[3]}-${landline[5]}` : undefined
}

function nameAfter(text: string): string | undefined {
  const token = NAME.exec(text)?.[1]
  if (!token) return undefined
  const stop = NAME_STOP.exec(token)
  const name = (stop ? token.slice(0, stop.index) : token).trim()
  return name.length > 0 && !NOT_A_NAME.test(name) ? name : undefined
}

function contact(kind: CourierContact['kind'], name: string | undefined, phone: string | undefined): CourierContact | undefined {
  if (!name && !phone) return undefined
  return { kind, ...(name ? { name } : {}), ...(phone ? { phone } : {}) }
}

export function extractCourier(text: string): CourierContact | undefined {
  const courierWord = COURIER_WORD.exec(text)
  if (courierWord) {
    const after = text.slice(courierWord.index + courierWord[0].length)
    return contact('courier', nameAfter(after), firstPhone(after) ?? firstPhone(text))
  }
  const phone = firstPhone(text)
  if (STATION_WORD.test(text)) return phone ? contact('station', STATION_NAME.exec(text)?.[1], phone) : undefined
  return phone && DELIVERY_CONTEXT.test(text) ? contact('courier', undefined, phone) : undefined
}
