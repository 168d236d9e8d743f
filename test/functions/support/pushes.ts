// Hand-made vendor pushes for refusal and concurrency tests, signed the documented way (or not).
// Written from reference/aggregators.md §1.6 / §2.5 with the test's own MD5, independent of core/.
import { createHash } from 'node:crypto'
import { DEV_KDNIAO, DEV_KUAIDI100_SALT } from '../../../dev/aggregators'

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')

/** application/x-www-form-urlencoded, each value encoded once. */
export function form(fields: Array<[string, string]>): string {
  return fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')
}

export interface KdniaoTrace {
  time: string
  text: string
  action: string
}

export function kdniaoRequestData(waybills: Array<{ shipper: string; number: string; state: string; traces: KdniaoTrace[] }>): string {
  return JSON.stringify({
    EBusinessID: DEV_KDNIAO.eBusinessId,
    Count: String(waybills.length),
    PushTime: '2025-01-02 10:00:00',
    Data: waybills.map((waybill) => ({
      EBusinessID: DEV_KDNIAO.eBusinessId,
      ShipperCode: waybill.shipper,
      LogisticCode: waybill.number,
      Success: true,
      State: waybill.state,
      Traces: waybill.traces.map((trace) => ({ AcceptTime: trace.time, AcceptStation: trace.text, Action: trace.action })),
    })),
  })
}

/** §1.6: DataSign = Base64(lowercase hex MD5(RequestData + AppKey)). */
export function kdniaoPush(requestData: string, appKey: string = DEV_KDNIAO.appKey): string {
  return form([
    ['RequestData', requestData],
    ['RequestType', '102'],
    ['DataSign', Buffer.from(md5(requestData + appKey)).toString('base64')],
  ])
}

/** §2.2: sign = UPPER(MD5(param + salt)). */
export function kuaidi100Push(param: Record<string, unknown>, salt: string = DEV_KUAIDI100_SALT): string {
  const text = JSON.stringify(param)
  return form([
    ['param', text],
    ['sign', md5(text + salt).toUpperCase()],
  ])
}
