// "我刚买的竹制砧板到哪了？" → which of the shopper's own orders and parcels it means, and the
// answer. Deterministic: the same question, orders and `now` always give the same answer. Hard
// criteria (a tracking number, a product, a date, 还没到的) narrow the orders and, when nothing is
// left, say what was not found; soft ones (取件码, 派送失败) prefer matching parcels when there are
// any. Several orders left → list them and ask which one.
import type { AnswerChoice } from '../api/assistant'
import { isTerminal, statusLabel } from '../tracking'
import type { OrderView, ParcelView } from './assistantView'
import { composeOrderAnswer, orderLabel } from './composeAnswer'
import { matchProduct, mentionedProduct } from './productWords'
import { readQuestionWords, type StatusFilter } from './questionWords'
import { readTimeWords } from './timeWords'
import { formatDay } from './shanghaiCalendar'

/** How many orders a "which one?" answer lists. */
export const MAX_CHOICES = 5

export type ParcelAnswer =
  | { kind: 'answer'; text: string; orderId: string; parcelIds: string[] }
  | { kind: 'choose'; text: string; choices: AnswerChoice[] }
  | { kind: 'none'; text: string }

interface Candidate {
  order: OrderView
  parcels: ParcelView[]
}

const STATUS_TEST: Record<StatusFilter, (parcel: ParcelView) => boolean> = {
  not_delivered: (parcel) => parcel.status !== 'DELIVERED',
  delivered: (parcel) => parcel.status === 'DELIVERED',
  problem: (parcel) => ['DELIVERY_FAILED', 'EXCEPTION', 'RETURNING', 'RETURNED'].includes(parcel.status),
  awaiting_pickup: (parcel) => parcel.status === 'AWAITING_PICKUP',
  out_for_delivery: (parcel) => parcel.status === 'OUT_FOR_DELIVERY',
}

const STATUS_NONE: Record<StatusFilter, string> = {
  not_delivered: '您的订单都已经签收了。',
  delivered: '您还没有已签收的包裹。',
  problem: '您的包裹目前都没有派送失败或异常。',
  awaiting_pickup: '您目前没有待取件的包裹。',
  out_for_delivery: '您目前没有正在派送的包裹。',
}

function newestFirst(orders: readonly OrderView[]): OrderView[] {
  return [...orders].sort((a, b) => b.createdAt - a.createdAt || (a.orderId < b.orderId ? -1 : 1))
}

function inMotion(candidate: Candidate): boolean {
  return candidate.parcels.some((parcel) => !isTerminal(parcel.status))
}

function choiceLabel(candidate: Candidate): string {
  const states = candidate.parcels.map((parcel) => statusLabel(parcel.status))
  return `${orderLabel(candidate.order)}：${states.length > 0 ? [...new Set(states)].join('、') : '还没有发货'}`
}

function choose(candidates: Candidate[], why: string): ParcelAnswer {
  const shown = candidates.slice(0, MAX_CHOICES)
  const lines = shown.map((candidate, index) => `${index + 1}. ${choiceLabel(candidate)}`)
  const more = candidates.length > shown.length ? [`……还有 ${candidates.length - shown.length} 单。`] : []
  return {
    kind: 'choose',
    text: [
      `${why}有 ${candidates.length} 个订单符合：`,
      ...lines,
      ...more,
      '请告诉我是哪一单，比如下单日期、商品名称或快递单号的后四位。',
    ].join('\n'),
    choices: shown.map((candidate) => ({
      orderId: candidate.order.orderId,
      parcelIds: candidate.parcels.map((parcel) => parcel.parcelId),
      label: choiceLabel(candidate),
    })),
  }
}

function answer(candidate: Candidate, asking: ReturnType<typeof readQuestionWords>['asking']): ParcelAnswer {
  return {
    kind: 'answer',
    text: composeOrderAnswer(candidate.order, candidate.parcels, asking),
    orderId: candidate.order.orderId,
    parcelIds: candidate.parcels.map((parcel) => parcel.parcelId),
  }
}

export function resolveParcelQuestion(question: string, orders: readonly OrderView[], now: number): ParcelAnswer {
  const asked = question.replace(/\s+/g, ' ').trim()
  if (orders.length === 0) return { kind: 'none', text: '您还没有订单。' }
  const time = readTimeWords(asked, now)
  const words = readQuestionWords(time.rest)
  let candidates: Candidate[] = newestFirst(orders).map((order) => ({ order, parcels: order.parcels }))
  let narrowed = false

  if (words.tracking) {
    const { kind, value } = words.tracking
    const fits = (parcel: ParcelView) =>
      kind === 'full' ? parcel.trackingNo.toUpperCase() === value : parcel.trackingNo.toUpperCase().endsWith(value)
    candidates = candidates.map((c) => ({ ...c, parcels: c.parcels.filter(fits) })).filter((c) => c.parcels.length > 0)
    if (candidates.length === 0)
      return {
        kind: 'none',
        text: `没有找到${kind === 'full' ? `单号为 ${value}` : `单号尾号为 ${value}`} 的包裹。请核对单号，或说说买的是什么。`,
      }
    narrowed = true
  }

  const scored = candidates.map((c) => ({
    c,
    score: Math.max(0, ...c.order.items.map((item) => matchProduct(words.rest, item.title).score)),
  }))
  const best = Math.max(0, ...scored.map((entry) => entry.score))
  if (best > 0) {
    candidates = scored
      .filter((entry) => entry.score === best)
      .map(({ c }) => {
        // A split order: keep the parcels that carry a named item, when the merchant said which.
        const carrying = c.parcels.filter((parcel) => parcel.items.some((item) => matchProduct(words.rest, item.title).score > 0))
        return carrying.length > 0 ? { ...c, parcels: carrying } : c
      })
    narrowed = true
  } else {
    const named = mentionedProduct(asked)
    if (named) return { kind: 'none', text: `没有找到含「${named}」的订单。您可以说说下单日期，或者快递单号的后四位。` }
  }

  if (time.range) {
    const { from, to, words: said } = time.range
    candidates = candidates.filter((c) => c.order.createdAt >= from && c.order.createdAt < to)
    if (candidates.length === 0)
      return {
        kind: 'none',
        text: `没有找到${said}（${formatDay(from)}${to - from > 86_400_000 ? ` 至 ${formatDay(to - 1)}` : ''}）下的订单。`,
      }
    narrowed = true
  }

  if (words.status) {
    const test = STATUS_TEST[words.status]
    const hard = words.status === 'not_delivered' || words.status === 'delivered'
    const kept = candidates
      .map((c) => ({ ...c, parcels: c.parcels.filter(test) }))
      .filter((c) => c.parcels.length > 0 || (words.status === 'not_delivered' && c.order.parcels.length === 0))
    if (kept.length > 0) {
      candidates = kept
      narrowed = true
    } else if (hard) return { kind: 'none', text: STATUS_NONE[words.status] }
  }
  if (words.asking === 'pickup') {
    const waiting = candidates
      .map((c) => ({ ...c, parcels: c.parcels.filter(STATUS_TEST.awaiting_pickup) }))
      .filter((c) => c.parcels.length > 0)
    if (waiting.length > 0) candidates = waiting
    else if (!narrowed) return { kind: 'none', text: STATUS_NONE.awaiting_pickup }
  }

  if (words.parcelOrdinal !== null) {
    const seq = words.parcelOrdinal
    const withSeq = candidates
      .map((c) => ({ ...c, parcels: c.parcels.filter((parcel) => parcel.seq === seq) }))
      .filter((c) => c.parcels.length > 0)
    if (withSeq.length === 0)
      return {
        kind: 'none',
        text: `没有找到包裹${seq}。${candidates.length === 1 && candidates[0] ? `这单共 ${candidates[0].order.parcels.length} 个包裹。` : ''}`,
      }
    candidates = withSeq
    narrowed = true
  }

  if (time.newest) {
    candidates = candidates.slice(0, 1)
    narrowed = true
  }
  if (words.orderOrdinal !== null) {
    const picked = candidates[words.orderOrdinal - 1]
    if (!picked) return { kind: 'none', text: `只找到 ${candidates.length} 个符合的订单，没有第 ${words.orderOrdinal} 单。` }
    candidates = [picked]
    narrowed = true
  }

  const [only] = candidates
  if (only && candidates.length === 1) return answer(only, words.asking)
  if (!narrowed) {
    // "我的快递到哪了": the one parcel still on its way is what the shopper means.
    const moving = candidates.filter(inMotion)
    const [single] = moving
    if (single && moving.length === 1) return answer(single, words.asking)
    if (moving.length > 1) return choose(moving, '还在路上的')
  }
  return choose(candidates, '')
}
