// 云调用 (cloud.openapi) behind a small port: the APIs the storefront calls, their answers as values,
// and what kind of failure an errcode is. Bodies are passed snake_case with convertCase off, exactly
// as WeChat documents them (wechat.md §4: convertCase would mangle keys with capitals).
export const WECHAT_APIS = {
  subscribeSend: 'subscribeMessage.send',
  uploadShippingInfo: 'wxa.sec.order.uploadShippingInfo',
  notifyConfirmReceive: 'wxa.sec.order.notifyConfirmReceive',
} as const
export type WechatApi = (typeof WECHAT_APIS)[keyof typeof WECHAT_APIS]

export type OpenApiOutcome = { ok: true; answer: Record<string, unknown> } | { ok: false; errcode: number; message: string }

export interface WechatOpenApi {
  call(api: WechatApi, body: Record<string, unknown>): Promise<OpenApiOutcome>
}

/** refused: the shopper's consent is gone (43101); system: try again later; data: our payload or the
 * order is wrong, and trying again would fail the same way. */
export type FailureKind = 'refused' | 'system' | 'data'

/** 45009/45011: rate limits; negative codes are the platform's (-1 busy, -6041xx cloud call, -50xxxx). */
export function failureKind(errcode: number): FailureKind {
  if (errcode === 43101) return 'refused'
  if (errcode < 0 || errcode === 45009 || errcode === 45011) return 'system'
  return 'data'
}

type Callable = (body: Record<string, unknown>) => Promise<Record<string, unknown>>

/** The port over wx-server-sdk's `cloud.openapi` proxy (any dotted path is an API name). */
export function cloudOpenApi(sdk: { openapi: unknown }): WechatOpenApi {
  return {
    async call(api, body) {
      let target = (sdk.openapi as (options: { convertCase: boolean }) => unknown)({ convertCase: false })
      for (const part of api.split('.')) target = (target as Record<string, unknown>)[part]
      try {
        return { ok: true, answer: await (target as Callable)(body) }
      } catch (error) {
        const { errCode, errMsg, message } = error as { errCode?: unknown; errMsg?: unknown; message?: unknown }
        const errcode = typeof errCode === 'number' ? errCode : -1
        return { ok: false, errcode, message: String(errMsg ?? message ?? 'openapi call failed') }
      }
    },
  }
}
