// What WeChat answers to the 云调用 APIs the storefront uses: the body is validated against the
// documented fields (47001 when it does not fit, 47003 naming a keyword whose value breaks its kind's
// limit), a shipping upload needs a WeChat Pay transaction that exists and belongs to the payer
// (10060001, 10060031), each payment takes its first upload and one update, and the confirm-receipt
// reminder is accepted once per order. Codes from maps-eta-notify-mcp.md §5 and wechat.md §4; the
// refusal of a second update has no documented code, so the emulator's own is named below.
import type { ZodError } from 'zod'
import { invalidKeyword, notifyConfirmReceiveSchema, subscribeSendSchema, uploadShippingInfoSchema } from './openApiSchemas'

export interface WechatAnswer {
  errcode: number
  errmsg: string
  [field: string]: unknown
}

export interface PastCall {
  api: string
  data: Record<string, unknown>
  errcode: number
}

export interface WechatWorld {
  /** The payer's openid of a WeChat Pay transaction, or undefined when WeChat Pay knows no such transaction. */
  payerOf(transactionId: string): string | undefined
  /** Earlier calls in this env, oldest first (for the once-per-payment rules). */
  past: readonly PastCall[]
  sequence: number
}

export const WECHAT_ERRORS = {
  badBody: 47001,
  badValue: 47003,
  unknownTransaction: 10060001,
  notThePayer: 10060031,
  /** devcloud's code for "this payment's shipping info was already updated once" (WeChat's is UNVERIFIED). */
  updateLimit: 10060900,
  /** devcloud's code for a second confirm-receipt reminder on one order (UNVERIFIED on WeChat). */
  alreadyReminded: 10060901,
} as const

const ok = (extra: Record<string, unknown> = {}): WechatAnswer => ({ errcode: 0, errmsg: 'ok', ...extra })
const refuse = (errcode: number, errmsg: string): WechatAnswer => ({ errcode, errmsg })
const describe = (error: ZodError) => error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')

type Handler = (data: Record<string, unknown>, world: WechatWorld) => WechatAnswer

const transactionOf = (data: Record<string, unknown>): string | undefined => {
  const key = data.order_key as { transaction_id?: unknown } | undefined
  const id = key?.transaction_id ?? data.transaction_id
  return typeof id === 'string' ? id : undefined
}

const HANDLERS: Record<string, Handler> = {
  'subscribeMessage.send': (data, world) => {
    const body = subscribeSendSchema.safeParse(data)
    if (!body.success) return refuse(WECHAT_ERRORS.badBody, `data format error: ${describe(body.error)}`)
    const bad = invalidKeyword(body.data.data)
    if (bad) return refuse(WECHAT_ERRORS.badValue, `argument invalid! data.${bad}.value invalid`)
    return ok({ msgid: 1_000_000 + world.sequence })
  },
  'wxa.sec.order.uploadShippingInfo': (data, world) => {
    const body = uploadShippingInfoSchema.safeParse(data)
    if (!body.success) return refuse(WECHAT_ERRORS.badBody, `data format error: ${describe(body.error)}`)
    const transactionId = body.data.order_key.transaction_id ?? ''
    const payer = world.payerOf(transactionId)
    if (payer === undefined) return refuse(WECHAT_ERRORS.unknownTransaction, '支付单不存在')
    if (payer !== body.data.payer.openid) return refuse(WECHAT_ERRORS.notThePayer, '该笔支付单不属于 openid 所指定的用户')
    const accepted = world.past.filter(
      (call) => call.api === 'wxa.sec.order.uploadShippingInfo' && call.errcode === 0 && transactionOf(call.data) === transactionId,
    )
    if (accepted.length >= 2) return refuse(WECHAT_ERRORS.updateLimit, '该支付单的发货信息已修改过一次，不能再修改')
    return ok()
  },
  'wxa.sec.order.notifyConfirmReceive': (data, world) => {
    const body = notifyConfirmReceiveSchema.safeParse(data)
    if (!body.success) return refuse(WECHAT_ERRORS.badBody, `data format error: ${describe(body.error)}`)
    const transactionId = body.data.transaction_id ?? ''
    if (world.payerOf(transactionId) === undefined) return refuse(WECHAT_ERRORS.unknownTransaction, '支付单不存在')
    const reminded = world.past.some(
      (call) => call.api === 'wxa.sec.order.notifyConfirmReceive' && call.errcode === 0 && transactionOf(call.data) === transactionId,
    )
    if (reminded) return refuse(WECHAT_ERRORS.alreadyReminded, '该订单已提醒过确认收货')
    return ok()
  },
}

/** WeChat's answer; APIs the emulator does not model get a bare success. */
export function wechatAnswer(api: string, data: Record<string, unknown>, world: WechatWorld): WechatAnswer {
  const handler = HANDLERS[api]
  return handler ? handler(data, world) : ok()
}
