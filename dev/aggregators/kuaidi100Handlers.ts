// Kuaidi100's endpoints: real-time query `poll/query.do` (§2.3), subscribe `/poll` (§2.4) and
// number recognition `autonumber/auto` (§2.6) of reference/aggregators.md.
import { z } from 'zod'
import { carrierByCode, carrierByKuaidi100Com, needsPhoneTail, type Carrier } from './carriers'
import { json, type HttpReply, type SandboxContext } from './context'
import { parseForm } from './formCodec'
import type { Kuaidi100Pusher } from './kuaidi100Pushes'
import { kuaidi100Accepted, kuaidi100Failure, KUAIDI100_MESSAGES as M } from './kuaidi100Replies'
import { renderKuaidi100Result } from './kuaidi100Render'
import { normaliseTrackingNo, recognizeNumber } from './recognizeNumber'
import { kuaidi100QuerySign, sameSignature } from './signatures'

export const KUAIDI100_QUERY_PATH = '/poll/query.do'
export const KUAIDI100_SUBSCRIBE_PATH = '/poll'
export const KUAIDI100_AUTONUMBER_PATH = '/autonumber/auto'

const MAX_NUMBER_LENGTH = 32
const RESUBSCRIBE_AFTER_MS = 30 * 60 * 1000
const text = z.union([z.string(), z.number()]).transform(String)

const queryParamSchema = z.looseObject({
  com: text.optional(),
  num: text.optional(),
  phone: text.optional(),
  resultv2: text.optional(),
  order: z.enum(['asc', 'desc']).optional(),
})

const subscribeParamSchema = z.looseObject({
  company: text.optional(),
  number: text.optional(),
  key: text.optional(),
  parameters: z
    .looseObject({
      callbackurl: text.optional(),
      salt: z.union([text, z.null()]).optional(),
      resultv2: text.optional(),
      phone: text.optional(),
      autoCom: text.optional(),
    })
    .optional(),
})

function parseJson<T>(schema: z.ZodType<T>, raw: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** "only the last 4 digits are checked" (§2.3); a virtual number's extension follows a dash. */
function phoneTailOf(phone: string | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '')
  return digits.length >= 4 ? digits.slice(-4) : undefined
}

export function phoneAccepted(registeredTail: string | undefined, carrier: Carrier, phone: string | undefined): boolean {
  if (!needsPhoneTail(carrier, 'kuaidi100')) return true
  const tail = phoneTailOf(phone)
  return tail !== undefined && (registeredTail === undefined || registeredTail === tail)
}

export function handleKuaidi100Query(context: SandboxContext, body: string): HttpReply {
  const config = context.kuaidi100
  const form = parseForm(body)
  if (!form.ok) return kuaidi100Failure('400', M['400'].incomplete)
  const [customer, sign, rawParam] = ['customer', 'sign', 'param'].map((name) => form.fields.get(name) ?? '')
  if (!customer || !sign || !rawParam) return kuaidi100Failure('400', M['400'].incomplete)
  if (customer !== config.customer) return kuaidi100Failure('400', M['400'].unauthorised)
  if (config.expired) return kuaidi100Failure('601', M['601'].expired)
  if (!sameSignature(sign, kuaidi100QuerySign(rawParam, config.key, config.customer))) return kuaidi100Failure('503', M['503'])
  const param = parseJson(queryParamSchema, rawParam)
  if (!param) return kuaidi100Failure('400', M['400'].incomplete)
  const carrier = carrierByKuaidi100Com(param.com ?? '')
  if (!carrier) return kuaidi100Failure('400', M['400'].unknownCompany)
  const num = param.num?.trim() ?? ''
  if (num === '' || num.length > MAX_NUMBER_LENGTH) return kuaidi100Failure('400', M['400'].incomplete)
  if (!phoneAccepted(context.stories.phoneTailFor(num), carrier, param.phone)) return kuaidi100Failure('408', M['408'])
  if (config.queryQuota !== null) {
    if (config.queryQuota <= 0) return kuaidi100Failure('601', M['601'].noQuota)
    config.queryQuota -= 1
  }
  const now = context.clock.now()
  // The lock's answer is UNVERIFIED; a locked number answers like one without a result.
  if (!context.kuaidi100Lock.admit(normaliseTrackingNo(num), now)) return kuaidi100Failure('500', M['500'])
  const story = context.stories.open(num, carrier.code, now)
  // 500 also means "this number is not this carrier's" (§2.3).
  const events = context.stories.belongsTo(story, carrier.code) ? context.stories.eventsAt(story, now) : []
  if (events.length === 0) return kuaidi100Failure('500', M['500'])
  return json(renderKuaidi100Result({ com: param.com ?? '', nu: num, events, order: param.order, resultv2: param.resultv2 }))
}

function validCallback(url: string | undefined): url is string {
  try {
    // Kuaidi100 calls back over plain http unless its staff enable https (§2.4).
    return url !== undefined && new URL(url).protocol === 'http:'
  } catch {
    return false
  }
}

export function handleKuaidi100Subscribe(context: SandboxContext, pusher: Kuaidi100Pusher, body: string): HttpReply {
  const config = context.kuaidi100
  const form = parseForm(body)
  if (!form.ok) return kuaidi100Failure('700', M.poll['700'].badData)
  const rawParam = form.fields.get('param') ?? ''
  if (form.fields.get('schema') !== 'json' || rawParam === '') return kuaidi100Failure('700', M.poll['700'].badData)
  const param = parseJson(subscribeParamSchema, rawParam)
  if (!param) return kuaidi100Failure('700', M.poll['700'].badData)
  if (param.key !== config.key) return kuaidi100Failure('600', M.poll['600'])
  if (config.expired) return kuaidi100Failure('601', M.poll['601'])
  const number = param.number?.trim() ?? ''
  if (number === '' || number.length > MAX_NUMBER_LENGTH) return kuaidi100Failure('700', M.poll['700'].badData)
  const parameters = param.parameters ?? {}
  if (!validCallback(parameters.callbackurl)) return kuaidi100Failure('700', M.poll['700'].badCallback)
  let com = param.company?.trim() ?? ''
  if (com === '') {
    if (parameters.autoCom !== '1') return kuaidi100Failure('700', M.poll['700'].badData)
    const recognised = carrierByCode(recognizeNumber(number)[0] ?? '')?.kuaidi100[0]
    if (!recognised) return kuaidi100Failure('702', M.poll['702'])
    com = recognised
  }
  const carrier = carrierByKuaidi100Com(com)
  if (!carrier) return kuaidi100Failure('700', M.poll['700'].badData)
  if (config.refusedCompanies.has(com)) return kuaidi100Failure('701', M.poll['701'])
  // UNVERIFIED: production may accept a tail-less SF subscription and later abort; refusing is louder.
  if (needsPhoneTail(carrier, 'kuaidi100') && phoneTailOf(parameters.phone) === undefined) {
    return kuaidi100Failure('700', M.poll['700'].phoneRequired)
  }
  const now = context.clock.now()
  const existing = context.subscriptions.find('kuaidi100', com, number)
  if (existing && (existing.state === 'polling' || now - existing.stateChangedAt < RESUBSCRIBE_AFTER_MS)) {
    return kuaidi100Failure('501', M.poll['501'])
  }
  const story = context.stories.open(number, carrier.code, now)
  const subscription = context.subscriptions.accept(
    {
      vendor: 'kuaidi100',
      trackingNo: number,
      carrier: carrier.code,
      vendorCarrier: com,
      scenario: story.scenario.name,
      subscribedAt: now,
      callbackUrl: parameters.callbackurl,
      salt: parameters.salt ?? null,
      requestType: null,
      callback: null,
      orderCode: null,
      phoneTail: phoneTailOf(parameters.phone) ?? null,
      resultv2: parameters.resultv2 ?? null,
    },
    'polling',
  )
  pusher.plan(
    subscription,
    story,
    context.stories.belongsTo(story, carrier.code) && phoneAccepted(story.phoneTail, carrier, parameters.phone),
  )
  return kuaidi100Accepted()
}

/** `POST /autonumber/auto?num=…&key=…`: candidates, most likely first; [] when unknown. */
export function handleKuaidi100AutoNumber(context: SandboxContext, query: URLSearchParams): HttpReply {
  if (query.get('key') !== context.kuaidi100.key) return kuaidi100Failure('600', M.poll['600'])
  const num = query.get('num')?.trim() ?? ''
  if (num === '') return json([])
  return json(
    recognizeNumber(num)
      .map((code) => carrierByCode(code))
      .filter((carrier): carrier is Carrier => carrier !== undefined)
      .map((carrier) => ({ comCode: carrier.kuaidi100[0], name: carrier.name, lengthPre: num.length, noPre: num.slice(0, 4), noCount: 0 })),
  )
}
