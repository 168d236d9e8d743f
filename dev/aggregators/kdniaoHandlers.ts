// Kdniao's two endpoints: EbusinessOrderHandle.aspx (1002/8001/8002 instant query, 2002 number
// recognition) and /api/dist (8008/1008 subscribe), reference/aggregators.md §1.3–§1.7.
import { carrierByCode, carrierByKdniaoCode, needsPhoneTail, type Carrier } from './carriers'
import { json, type HttpReply, type SandboxContext } from './context'
import { kdniaoFailure, openKdniaoEnvelope, type KdniaoRequestData } from './kdniaoEnvelope'
import type { KdniaoPusher } from './kdniaoPushes'
import { KDNIAO_REASONS } from './kdniaoReasons'
import { renderKdniaoShipment } from './kdniaoRender'
import { recognizeNumber } from './recognizeNumber'
import { formatBeijingTime } from './shanghaiTime'
import type { Story } from './stories'

export const KDNIAO_QUERY_PATH = '/Ebusiness/EbusinessOrderHandle.aspx'
export const KDNIAO_SUBSCRIBE_PATH = '/api/dist'
const QUERY_TYPES = ['1002', '8001', '8002', '2002']
const SUBSCRIBE_TYPES = ['8008', '1008']

type Resolved = { ok: true; carrier: Carrier; logisticCode: string } | { ok: false; reply: HttpReply }

/** LogisticCode, ShipperCode (optional for 8002: recognised) and SF's phone tail. */
function resolveShipment(context: SandboxContext, data: KdniaoRequestData, shipperOptional: boolean): Resolved {
  const fail = (reason: string): Resolved => ({ ok: false, reply: kdniaoFailure(context, reason) })
  const logisticCode = data.LogisticCode?.trim() ?? ''
  if (logisticCode === '') return fail(KDNIAO_REASONS.missingInput('LogisticCode'))
  const shipperCode = data.ShipperCode?.trim() ?? ''
  let carrier: Carrier | undefined
  if (shipperCode !== '') {
    carrier = carrierByKdniaoCode(shipperCode)
    if (!carrier) return fail(KDNIAO_REASONS.badShipperCode(shipperCode))
  } else if (shipperOptional) {
    const code = recognizeNumber(logisticCode)[0]
    carrier = code === undefined ? undefined : carrierByCode(code)
    if (!carrier) return fail(KDNIAO_REASONS.unrecognisedNumber)
  } else {
    return fail(KDNIAO_REASONS.missingInput('ShipperCode'))
  }
  if (needsPhoneTail(carrier, 'kdniao') && (data.CustomerName?.trim() ?? '') === '') return fail(KDNIAO_REASONS.missingPhoneTail)
  return { ok: true, carrier, logisticCode }
}

/**
 * Whether the carrier shows this client the traces: the number must belong to the named carrier,
 * and a registered phone tail must match. Kdniao's answer to a mismatch is UNVERIFIED; the sandbox
 * answers as for a number without traces.
 */
export function tracesVisible(context: SandboxContext, story: Story, carrier: Carrier, customerName: string | undefined): boolean {
  if (!context.stories.belongsTo(story, carrier.code)) return false
  if (!needsPhoneTail(carrier, 'kdniao') || story.phoneTail === undefined) return true
  return (customerName ?? '').trim().slice(-4) === story.phoneTail
}

export function handleKdniaoQuery(context: SandboxContext, body: string): HttpReply {
  const envelope = openKdniaoEnvelope(context, body, QUERY_TYPES)
  if (!envelope.ok) return envelope.reply
  const { requestType, data } = envelope
  if (requestType === '2002') return recognise(context, data)
  const resolved = resolveShipment(context, data, requestType === '8002')
  if (!resolved.ok) return resolved.reply
  const now = context.clock.now()
  const story = context.stories.open(resolved.logisticCode, resolved.carrier.code, now)
  const visible = tracesVisible(context, story, resolved.carrier, data.CustomerName)
  return json(
    renderKdniaoShipment({
      eBusinessId: context.kdniao.eBusinessId,
      shipperCode: resolved.carrier.kdniao,
      logisticCode: resolved.logisticCode,
      orderCode: data.OrderCode,
      callback: data.Callback,
      events: visible ? context.stories.eventsAt(story, now) : [],
      detailed: requestType !== '1002',
    }),
  )
}

function recognise(context: SandboxContext, data: KdniaoRequestData): HttpReply {
  const logisticCode = data.LogisticCode?.trim() ?? ''
  if (logisticCode === '') return kdniaoFailure(context, KDNIAO_REASONS.missingInput('LogisticCode'))
  const shippers = recognizeNumber(logisticCode)
    .map((code) => carrierByCode(code))
    .filter((carrier): carrier is Carrier => carrier !== undefined)
    .map((carrier) => ({ ShipperCode: carrier.kdniao, ShipperName: carrier.name }))
  return json({
    EBusinessID: context.kdniao.eBusinessId,
    LogisticCode: logisticCode,
    Success: true,
    Code: 100,
    Shippers: shippers,
    Reason: '',
  })
}

/**
 * 8008/1008. Kdniao does not check what it is asked to follow ("不校验…是否重复订阅", §1.5), so a
 * re-subscribe succeeds. An SF subscription without CustomerName is refused with the query's
 * error (UNVERIFIED): production would accept it and then never find a trace, which is worse.
 */
export function handleKdniaoSubscribe(context: SandboxContext, pusher: KdniaoPusher, body: string): HttpReply {
  const envelope = openKdniaoEnvelope(context, body, SUBSCRIBE_TYPES)
  if (!envelope.ok) return envelope.reply
  const { requestType, data } = envelope
  const resolved = resolveShipment(context, data, false)
  if (!resolved.ok) return resolved.reply
  const now = context.clock.now()
  const story = context.stories.open(resolved.logisticCode, resolved.carrier.code, now)
  const subscription = context.subscriptions.accept(
    {
      vendor: 'kdniao',
      trackingNo: resolved.logisticCode,
      carrier: resolved.carrier.code,
      vendorCarrier: resolved.carrier.kdniao,
      scenario: story.scenario.name,
      subscribedAt: now,
      callbackUrl: context.kdniao.pushUrl,
      salt: null,
      requestType,
      callback: data.Callback ?? null,
      orderCode: data.OrderCode ?? null,
      phoneTail: data.CustomerName?.trim().slice(-4) ?? null,
      resultv2: null,
    },
    'active',
  )
  pusher.plan(subscription, story, tracesVisible(context, story, resolved.carrier, data.CustomerName))
  const eta = story.scenario.etaMinute
  return json({
    EBusinessID: context.kdniao.eBusinessId,
    UpdateTime: formatBeijingTime(now),
    Success: true,
    Reason: '',
    EstimatedDeliveryTime: eta === undefined ? '' : formatBeijingTime(context.stories.instantOf(story, eta)),
    ShipperCode: resolved.carrier.kdniao,
    LogisticCode: resolved.logisticCode,
  })
}
