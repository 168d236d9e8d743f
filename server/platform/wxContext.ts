// Who called, from wx-server-sdk's getWXContext() (per invocation, reference/wechat.md §1.3). Client
// calls carry an OPENID; timer and HTTP access calls do not.
export interface Caller {
  openid: string | undefined
}

export function callerFrom(context: { OPENID?: unknown }): Caller {
  return { openid: typeof context.OPENID === 'string' && context.OPENID !== '' ? context.OPENID : undefined }
}
