// The pinned wx-server-sdk, used directly from a test process against a devcloud (the same SDK the
// functions run; see scfEnv.ts for why the environment is set on the process here).
import * as cloud from 'wx-server-sdk'
import { useScfEnv, type ScfEnvOptions } from './scfEnv'

export type Cloud = typeof cloud
export type Database = ReturnType<typeof cloud.database>

export interface DirectSdk {
  cloud: Cloud
  db: Database
  restore(): void
}

export function directSdk(url: string, envId: string, options: ScfEnvOptions & { throwOnNotFound?: boolean } = {}): DirectSdk {
  const restore = useScfEnv(url, envId, options)
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db =
    options.throwOnNotFound === undefined ? cloud.database() : cloud.database({ throwOnNotFound: options.throwOnNotFound } as never)
  return { cloud, db, restore }
}

/** A raw SDK-shaped POST to /admin or /client, for what the SDK itself would never send. */
export async function rawAction(
  url: string,
  path: '/admin' | '/client',
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return (await response.json()) as Record<string, unknown>
}

/** wx-server-sdk's typings answer `Promise<T> | void | string` (callback style); tests always take the promise. */
export function done<T>(value: Promise<T> | void | string): Promise<T> {
  if (!(value instanceof Promise)) throw new Error('expected the SDK to return a promise')
  return value
}

/** The rejection of a failed SDK call, for asserting errCode and message. */
export async function failure(value: Promise<unknown> | void | string): Promise<{ errCode: number; message: string; code?: string }> {
  try {
    await done(value)
  } catch (error) {
    const e = error as { errCode?: number; message?: string; code?: string }
    return { errCode: e.errCode ?? 0, message: String(e.message ?? error), code: e.code }
  }
  throw new Error('expected the SDK call to fail')
}
