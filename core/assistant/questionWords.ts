// Everything in a question besides time and product words: ordinals (最近一单 is a time word;
// 第二单, 第二个包裹, 包裹2), a tracking number or its last digits (尾号9002), and status words —
// filters (还没到的, 已签收的, 派送失败的) and what the shopper asks about (签收了吗, 取件码).
import { smallNumber } from './timeWords'

export type StatusFilter = 'not_delivered' | 'delivered' | 'problem' | 'awaiting_pickup' | 'out_for_delivery'
export type Asking = 'delivered' | 'pickup' | 'when' | 'where' | null

export interface QuestionWords {
  /** 1-based among the orders newest first (the order the app lists them in). */
  orderOrdinal: number | null
  /** 包裹N: the parcel's `seq` inside its order. */
  parcelOrdinal: number | null
  tracking: { kind: 'full' | 'suffix'; value: string } | null
  status: StatusFilter | null
  asking: Asking
  rest: string
}

const ORDINAL = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})'
const PARCEL_ORDINALS = [new RegExp(`第${ORDINAL}个?(?:包裹|快递|件)`), /包裹\s*(\d{1,2})(?!\d)/, new RegExp(`${ORDINAL}号包裹`)]
const ORDER_ORDINALS = [new RegExp(`第${ORDINAL}(?:单|个订单|笔)`)]

// A full number: letters then digits, or digits only, 8+ characters (core/carriers patterns are all longer).
const FULL_NUMBER = /(?:^|[^A-Za-z0-9])([A-Za-z]{0,4}\d{8,})(?![A-Za-z0-9])/
// "尾号 9002", "后四位是9002", "单号末尾9002"; or 3-6 bare digits not part of a date, price or weight.
const SUFFIX_WORDS = /(?:尾号|尾数|后[四五六三几]位(?:是|为)?|末尾|结尾是?|末[四五六三]位)\s*(?:是|为)?\s*[:：]?\s*([A-Za-z0-9]{3,8})/
const BARE_DIGITS = /(?:^|[^\d.])(\d{3,7})(?![\d.]|\s*(?:月|日|号|天|点|g|克|元|块|件|个|分|小时|年))/

const STATUS_FILTERS: Array<{ pattern: RegExp; status: StatusFilter }> = [
  { pattern: /还没到|没到的|还没收到|没收到的?|未签收|没签收|还没签收|没送到|在路上的|还在路上|未送达|没到货/, status: 'not_delivered' },
  { pattern: /派送失败|投递失败|没送成功|送不到|配送失败|异常的?|退回|退件|拒收/, status: 'problem' },
  { pattern: /已签收的|签收了的|已经签收的|已送达的|已经到了的|到了的那个/, status: 'delivered' },
  { pattern: /待取件|在驿站|在快递柜|放驿站|放快递柜/, status: 'awaiting_pickup' },
  { pattern: /派送中的|正在派送的|在派送的/, status: 'out_for_delivery' },
]

const ASKING: Array<{ pattern: RegExp; asking: Exclude<Asking, null> }> = [
  { pattern: /取件码|怎么取|去哪取|哪里取|在哪取/, asking: 'pickup' },
  {
    pattern: /签收了[吗没么嘛]|到了[吗没么嘛]|收到了[吗没么嘛]|送到了[吗没么嘛]|送达了[吗没么嘛]|是否签收|有没有签收|有没有到/,
    asking: 'delivered',
  },
  { pattern: /什么时候|几时|多久|哪天|几天|预计|啥时候|何时/, asking: 'when' },
  { pattern: /到哪|在哪|哪里了|什么位置|到什么地方/, asking: 'where' },
]

function firstOrdinal(patterns: RegExp[], text: string): { value: number; rest: string } | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    const value = match ? smallNumber(match[1] ?? '') : null
    if (match && value !== null && value > 0) return { value, rest: text.replace(match[0], ' ') }
  }
  return null
}

export function readQuestionWords(question: string): QuestionWords {
  let rest = question
  let tracking: QuestionWords['tracking'] = null
  const full = FULL_NUMBER.exec(rest)
  const suffix = SUFFIX_WORDS.exec(rest)
  if (full?.[1]) {
    tracking = { kind: 'full', value: full[1].toUpperCase() }
    rest = rest.replace(full[1], ' ')
  } else if (suffix?.[1]) {
    tracking = { kind: 'suffix', value: suffix[1].toUpperCase() }
    rest = rest.replace(suffix[0], ' ')
  }
  const parcel = firstOrdinal(PARCEL_ORDINALS, rest)
  if (parcel) rest = parcel.rest
  const order = firstOrdinal(ORDER_ORDINALS, rest)
  if (order) rest = order.rest
  if (!tracking) {
    const bare = BARE_DIGITS.exec(rest)
    if (bare?.[1]) {
      tracking = { kind: 'suffix', value: bare[1] }
      rest = rest.replace(bare[1], ' ')
    }
  }
  const status = STATUS_FILTERS.find((rule) => rule.pattern.test(rest))?.status ?? null
  const asking = ASKING.find((rule) => rule.pattern.test(rest))?.asking ?? null
  return { orderOrdinal: order?.value ?? null, parcelOrdinal: parcel?.value ?? null, tracking, status, asking, rest }
}
