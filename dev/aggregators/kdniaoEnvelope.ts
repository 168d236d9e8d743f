// The five-field form every Kdniao command arrives in (reference/aggregators.md §1.2), checked in
// the vendor's order: credentials and rate first, then the plan, and only then the signature —
// a disabled command answers 业务错误[没有可用套餐] even when its DataSign is wrong (§1.2, last
// pitfall). RequestData is parsed leniently (single quotes, any key case) after the signature
// has been verified over its once-decoded text.
import { z } from 'zod'
import { json, type HttpReply, type SandboxContext } from './context'
import { parseForm } from './formCodec'
import { KDNIAO_REASONS } from './kdniaoReasons'
import { canonicalKeys, parseLenientJson } from './lenientJson'
import { kdniaoDataSign, sameSignature } from './signatures'

const text = z.union([z.string(), z.number()]).transform(String)

const requestDataSchema = z.looseObject({
  OrderCode: text.optional(),
  ShipperCode: text.optional(),
  LogisticCode: text.optional(),
  CustomerName: text.optional(),
  Callback: text.optional(),
})

export type KdniaoRequestData = z.infer<typeof requestDataSchema>

const KNOWN_KEYS = [
  'OrderCode',
  'ShipperCode',
  'LogisticCode',
  'CustomerName',
  'Callback',
  'Sort',
  'IsSendMessage',
  'Sender',
  'Receiver',
  'Commodity',
]
const REQUIRED_FIELDS = ['RequestData', 'EBusinessID', 'RequestType', 'DataSign', 'DataType'] as const

export type KdniaoEnvelope = { ok: true; requestType: string; data: KdniaoRequestData } | { ok: false; reply: HttpReply }

export function kdniaoFailure(context: SandboxContext, reason: string): HttpReply {
  return json({ EBusinessID: context.kdniao.eBusinessId, Success: false, Reason: reason })
}

export function openKdniaoEnvelope(context: SandboxContext, body: string, servedTypes: readonly string[]): KdniaoEnvelope {
  const fail = (reason: string): KdniaoEnvelope => ({ ok: false, reply: kdniaoFailure(context, reason) })
  const form = parseForm(body)
  if (!form.ok) return fail(KDNIAO_REASONS.badForm)
  const field = (name: string) => form.fields.get(name) ?? ''
  const missing = REQUIRED_FIELDS.find((name) => field(name) === '')
  if (missing) return fail(KDNIAO_REASONS.missingField(missing))
  if (field('EBusinessID') !== context.kdniao.eBusinessId) return fail(KDNIAO_REASONS.badCredentials)
  if (!context.kdniaoQps.admit(context.clock.now())) return fail(KDNIAO_REASONS.qpsExceeded(context.kdniao.qps))
  const requestType = field('RequestType')
  if (!servedTypes.includes(requestType)) return fail(KDNIAO_REASONS.badRequestType(requestType))
  if (field('DataType') !== '2') return fail(KDNIAO_REASONS.badDataType)
  if (!context.kdniao.enabledCommands.has(requestType)) return fail(KDNIAO_REASONS.noPlan)
  const requestData = field('RequestData')
  if (!sameSignature(field('DataSign'), kdniaoDataSign(requestData, context.kdniao.appKey))) {
    return fail(KDNIAO_REASONS.badCredentials)
  }
  const parsed = parseLenientJson(requestData)
  if (!parsed.ok) return fail(KDNIAO_REASONS.badRequestData)
  const data = requestDataSchema.safeParse(canonicalKeys(parsed.value, KNOWN_KEYS))
  if (!data.success) return fail(KDNIAO_REASONS.badRequestData)
  return { ok: true, requestType, data: data.data }
}
