// Minimal vendor clients for tests, written from reference/aggregators.md with node:crypto only
// (not with the sandbox's signatures module), so a signing mistake cannot hide by being shared.
import { createHash } from 'node:crypto'

export const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')
export const kdniaoSign = (requestData: string, appKey: string) => Buffer.from(md5(requestData + appKey)).toString('base64')

/** A vendor's JSON answer: tests read its top-level fields and compare the rest whole; a test that
 * walks deeper names the shape it expects (`postForm<Shape>`). */
export type VendorJson = Record<string, unknown>

export async function postForm<Json = VendorJson>(url: string, body: string): Promise<{ status: number; json: Json }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body,
  })
  const text = await response.text()
  return { status: response.status, json: JSON.parse(text) as Json }
}

export interface KdniaoCall {
  requestType: string
  requestData: string
  eBusinessId: string
  appKey: string
  /** Overrides for malformed requests. */
  dataSign?: string
  dataType?: string
}

export function kdniaoBody(call: KdniaoCall): string {
  const form = new URLSearchParams({
    RequestData: call.requestData,
    EBusinessID: call.eBusinessId,
    RequestType: call.requestType,
    DataSign: call.dataSign ?? kdniaoSign(call.requestData, call.appKey),
    DataType: call.dataType ?? '2',
  })
  return form.toString()
}

export function kuaidi100QueryBody(param: string, key: string, customer: string, sign?: string): string {
  return new URLSearchParams({ customer, sign: sign ?? md5(param + key + customer).toUpperCase(), param }).toString()
}

export function kuaidi100SubscribeBody(param: unknown): string {
  return new URLSearchParams({ schema: 'json', param: JSON.stringify(param) }).toString()
}
