// The answer in Chinese for one order: per parcel its status, the latest scan (quoted), where it is
// on its route, when it should arrive, and what to do next — the pickup code at a station, the
// courier's masked phone while out for delivery, what happens after a failed attempt.
import { carrierInfo } from '../carriers'
import { maskPhones } from '../privacy'
import { statusLabel, subStatusLabel } from '../tracking'
import type { Asking } from './questionWords'
import type { ItemView, OrderView, ParcelView } from './assistantView'
import { cleanCourierText, quoteCourierText } from './quoteCourierText'
import { formatDay, formatMinute, shanghaiDay } from './shanghaiCalendar'

export function describeItems(items: readonly ItemView[]): string {
  const titles = items.map((item) => (item.quantity > 1 ? `${item.title} ×${item.quantity}` : item.title))
  if (titles.length <= 2) return titles.join('、') || '商品'
  return `${titles.slice(0, 2).join('、')}等${titles.length}件`
}

/** `11月18日下单的竹制砧板（订单尾号 3f2a）` */
export function orderLabel(order: OrderView): string {
  return `${formatDay(order.createdAt)}下单的${describeItems(order.items)}（订单尾号 ${order.orderId.slice(-4)}）`
}

const PICKUP_CODE = /(?:取件码|取货码|提货码)\s*(?:为|是)?\s*[:：]?\s*([A-Za-z0-9-]{2,12})/
const PICKUP_CODE_BEFORE = /凭\s*([A-Za-z0-9-]{2,12})\s*取/

export function pickupCode(text: string): string | null {
  const clean = cleanCourierText(text)
  return PICKUP_CODE.exec(clean)?.[1] ?? PICKUP_CODE_BEFORE.exec(clean)?.[1] ?? null
}

function contactLine(parcel: ParcelView): string | null {
  const contact = parcel.contact
  if (!contact?.phone) return null
  const who =
    contact.kind === 'station'
      ? `驿站${contact.name ? ` ${cleanCourierText(contact.name)}` : ''}`
      : `快递员${contact.name ? ` ${cleanCourierText(contact.name)}` : ''}`
  return `${who}电话 ${maskPhones(` ${contact.phone}`).trim()}（完整号码可在订单页一键拨打）`
}

function nextStep(parcel: ParcelView): string[] {
  const contact = contactLine(parcel)
  switch (parcel.status) {
    case 'AWAITING_PICKUP': {
      const code = parcel.latest ? pickupCode(parcel.latest.text) : null
      return [
        code ? `下一步：凭取件码 ${code} 取件。` : '下一步：包裹已放入驿站或快递柜，请凭取件码尽快取件（取件码见快递公司短信）。',
        ...(contact ? [contact] : []),
      ]
    }
    case 'OUT_FOR_DELIVERY':
      return ['下一步：快递员正在派送，请保持电话畅通。', ...(contact ? [contact] : [])]
    case 'DELIVERY_FAILED':
      return ['下一步：这次派送没有成功，快递公司通常会再次派送；如需改约时间或地址，请联系快递员。', ...(contact ? [contact] : [])]
    case 'EXCEPTION':
    case 'RETURNING':
      return ['下一步：包裹遇到问题，商家会看到这条异常并跟进；着急的话可以联系快递公司客服。', ...(contact ? [contact] : [])]
    case 'PENDING':
    case 'INFO_RECEIVED':
      return ['下一步：等待快递员揽收，揽收后这里会显示物流进度。']
    default:
      return []
  }
}

function etaLine(parcel: ParcelView): string | null {
  if (parcel.status === 'DELIVERED' || parcel.status === 'RETURNED' || parcel.status === 'CANCELLED' || !parcel.eta) return null
  if (parcel.eta.kind === 'vendor') return `快递公司预计 ${formatMinute(parcel.eta.at)} 前送达。`
  const { earliest, latest } = parcel.eta
  return shanghaiDay(earliest) === shanghaiDay(latest)
    ? `预计 ${formatDay(earliest)} 送达。`
    : `预计 ${formatDay(earliest)}–${formatDay(latest)} 送达。`
}

function routeLine(parcel: ParcelView): string | null {
  const route = parcel.route
  if (!route || (route.travelled.length === 0 && !route.current)) return null
  const passed = [...route.travelled, ...(route.current ? [route.current] : [])]
    .map(cleanCourierText)
    .filter((city, index, all) => city !== all[index - 1])
  const ahead = route.remaining.map(cleanCourierText)
  return `路线：${passed.join(' → ')}${ahead.length > 0 ? ` → （${ahead.join(' → ')}）` : ''}${route.current ? `，现在在${cleanCourierText(route.current)}` : ''}。`
}

function deliveredLead(parcel: ParcelView): string {
  return parcel.status === 'DELIVERED' ? '已签收。' : `还没有签收，现在是「${statusLabel(parcel.status)}」。`
}

export function parcelLines(parcel: ParcelView, several: boolean, asking: Asking): string[] {
  const name = several ? `包裹${parcel.seq}${parcel.items.length > 0 ? `（${describeItems(parcel.items)}）` : ''}` : '包裹'
  const sub = parcel.subStatus ? `（${subStatusLabel(parcel.subStatus)}）` : ''
  const state = asking === 'delivered' ? deliveredLead(parcel) : `${statusLabel(parcel.status)}${sub}。`
  const lines = [`${name}：${carrierInfo(parcel.carrier).names['zh-CN']} ${parcel.trackingNo}，${state}`]
  if (parcel.latest) {
    const place = parcel.latest.location ? `，${cleanCourierText(parcel.latest.location)}` : ''
    lines.push(`最新一条（${formatMinute(parcel.latest.at)}${place}）：${quoteCourierText(parcel.latest.text)}`)
  } else {
    lines.push('还没有物流记录。')
  }
  for (const line of [routeLine(parcel), etaLine(parcel), ...nextStep(parcel)]) if (line) lines.push(line)
  return lines
}

export function composeOrderAnswer(order: OrderView, parcels: readonly ParcelView[], asking: Asking): string {
  const head = `${orderLabel(order)}`
  if (order.parcels.length === 0) return `${head}还没有发货。商家发货后这里会显示物流信息。`
  const several = parcels.length > 1 || order.parcels.length > 1
  const intro = parcels.length > 1 ? `${head}分 ${parcels.length} 个包裹发出：` : `${head}：`
  return [intro, ...parcels.flatMap((parcel) => parcelLines(parcel, several, asking))].join('\n')
}
