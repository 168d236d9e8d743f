// Which of an order's items a question names: the whole title (竹制砧板), a part of it two or more
// characters long (砧板, 龙井), or an everyday word for it (那个杯子 → 马克杯, productSynonyms.ts).
import { PRODUCT_SYNONYMS } from './productSynonyms'

/** Words that say nothing about which product: they never count as a shared part of a title. */
const GENERIC = /^(包裹|快递|订单|东西|那个|这个|我的|物流|礼盒|一个|一单|一下)$/

/** Drops weights, counts and brackets from a title: `桂花糕礼盒 (12 枚)` → `桂花糕礼盒`. */
export function titleCore(title: string): string {
  return title
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/\d+\s*(g|kg|ml|克|枚|只|个|件)/gi, '')
    .replace(/[\s·,，.。/]+/g, '')
    .trim()
}

function longestSharedPart(question: string, title: string): string {
  let best = ''
  for (let start = 0; start < title.length; start += 1) {
    for (let end = title.length; end - start > best.length; end -= 1) {
      const part = title.slice(start, end)
      if (question.includes(part) && !GENERIC.test(part)) {
        best = part
        break
      }
    }
  }
  return best
}

export interface ProductMatch {
  /** 0: not named; higher is more specific (the whole title scores highest). */
  score: number
  /** The words of the question that named it. */
  words: string
}

export function matchProduct(question: string, title: string): ProductMatch {
  const core = titleCore(title)
  if (core.length > 0 && question.includes(core)) return { score: 100 + core.length, words: core }
  const shared = longestSharedPart(question, core)
  let best: ProductMatch = shared.length >= 2 ? { score: 10 + shared.length, words: shared } : { score: 0, words: '' }
  for (const synonym of PRODUCT_SYNONYMS) {
    const word = synonym.words.find((candidate) => question.includes(candidate))
    if (word && synonym.fragments.some((fragment) => core.includes(fragment)) && best.score < 5) best = { score: 5, words: word }
  }
  return best
}

const MENTION =
  /(?:买的|那个|那件|那盒|那包|那袋|那条|那只|订的)([\u4e00-\u9fa5A-Za-z]{2,8}?)(?=到|在|什么|怎么|呢|吗|了|发|签|有|，|,|？|\?|$)/

// Question words that can follow 买的 (买的到了吗, 买的还没到).
const NOT_A_PRODUCT = /^(到|在|什么|怎么|发|签|有|还|是|都|已|没|呢|吗|了)/

/** A product the question names, even when no order has it (to say "没有找到含…的订单"). */
export function mentionedProduct(question: string): string | null {
  for (const synonym of PRODUCT_SYNONYMS) {
    const word = synonym.words.find((candidate) => candidate.length >= 2 && question.includes(candidate))
    if (word) return word
  }
  const mention = MENTION.exec(question)?.[1]
  return mention && !GENERIC.test(mention) && !/包裹|快递|订单|东西/.test(mention) && !NOT_A_PRODUCT.test(mention) ? mention : null
}
