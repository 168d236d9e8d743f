// The emulator's own REST API (DESIGN §5, shaped like Firebase's emulator REST), for tools and
// out-of-process tests. Errors are JSON `{error: {code, message}}` with a 4xx for bad input.
import { EJSON } from 'bson'
import { z } from 'zod'
import type { Doc } from './ejson'
import type { CloudResult } from './errors'
import {
  invocationFaultSchema,
  openApiFaultSchema,
  writeFaultSchema,
  type InvocationFault,
  type OpenApiFault,
  type WriteFault,
} from './faults'
import type { OpenApiCall } from './openApi'

export interface AdminRestDeps {
  invoke(name: string, data: unknown, openid: string | undefined): Promise<CloudResult<unknown>>
  getDoc(collection: string, id: string): Doc | undefined | 'no-collection'
  listDocs(collection: string): Doc[] | 'no-collection'
  reset(): Promise<void>
  fireTimer(functionName: string): Promise<CloudResult<{ trigger: string }>>
  failWrites(spec: WriteFault): void
  rejectInvocations(spec: InvocationFault): void
  failOpenApi(spec: OpenApiFault): void
  dropRealtimeConnections(): number
  clearFaults(): void
  openApiCalls(): OpenApiCall[]
}

export interface RestAnswer {
  status: number
  body: unknown
}

const invokeBody = z.object({ data: z.record(z.string(), z.unknown()).optional(), openid: z.string().min(1).optional() }).strict()

const ok = (body: unknown): RestAnswer => ({ status: 200, body })
const error = (status: number, code: string, message: string): RestAnswer => ({ status, body: { error: { code, message } } })

export async function handleAdminRest(deps: AdminRestDeps, method: string, url: URL, body: Buffer): Promise<RestAnswer> {
  const parts = url.pathname
    .replace(/^\/devcloud\/v1\//, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent)
  const json = (): { ok: true; value: unknown } | { ok: false } => {
    if (body.length === 0) return { ok: true, value: {} }
    try {
      return { ok: true, value: JSON.parse(body.toString('utf8')) }
    } catch {
      return { ok: false }
    }
  }
  const route = `${method} ${parts[0] ?? ''}`
  // Each route below checks `parts.length`, so the names it uses are there.
  const [, name = '', id = ''] = parts

  if (route === 'POST functions' && parts.length === 2) {
    const parsed = json()
    const input = parsed.ok ? invokeBody.safeParse(parsed.value) : undefined
    if (!input?.success) return error(400, 'INVALID_ARGUMENT', 'body must be {"data": {...}, "openid": "..."} (both optional)')
    const result = await deps.invoke(name, input.data.data ?? {}, input.data.openid)
    if (result.ok) return ok({ result: result.value })
    const status = result.code === 'FUNCTIONS_REQUEST_FAIL' && result.message.startsWith('FunctionName') ? 404 : 500
    return {
      status,
      body: { error: { code: result.code, message: result.message, ...(result.errCode === undefined ? {} : { errCode: result.errCode }) } },
    }
  }
  if (route === 'GET db' && parts.length === 3) {
    const doc = deps.getDoc(name, id)
    if (doc === 'no-collection') return error(404, 'NOT_FOUND', `no collection ${name}`)
    if (!doc) return error(404, 'NOT_FOUND', `no document ${name}/${id}`)
    // Relaxed EJSON keeps Dates recognisable ({"$date": "…"}) while numbers stay plain.
    return ok(EJSON.serialize(doc, { relaxed: true }))
  }
  if (route === 'GET db' && parts.length === 2) {
    const docs = deps.listDocs(name)
    if (docs === 'no-collection') return error(404, 'NOT_FOUND', `no collection ${name}`)
    return ok({ documents: docs.map((doc) => EJSON.serialize(doc, { relaxed: true })) })
  }
  if (route === 'POST reset' && parts.length === 1) {
    await deps.reset()
    return ok({})
  }
  if (route === 'POST timers' && parts.length === 2) {
    const fired = await deps.fireTimer(name)
    if (fired.ok) return ok({ fired: fired.value.trigger })
    return fired.code === 'FUNCTIONS_REQUEST_FAIL' ? error(404, 'NOT_FOUND', fired.message) : error(500, fired.code, fired.message)
  }
  if (route === 'POST faults' && parts.length === 2) {
    const parsed = json()
    if (!parsed.ok) return error(400, 'INVALID_ARGUMENT', 'body is not JSON')
    if (parts[1] === 'writes') {
      const spec = writeFaultSchema.safeParse(parsed.value)
      if (!spec.success) return error(400, 'INVALID_ARGUMENT', spec.error.issues.map((issue) => issue.message).join('; '))
      deps.failWrites(spec.data)
      return ok({})
    }
    if (parts[1] === 'invocations') {
      const spec = invocationFaultSchema.safeParse(parsed.value)
      if (!spec.success) return error(400, 'INVALID_ARGUMENT', spec.error.issues.map((issue) => issue.message).join('; '))
      deps.rejectInvocations(spec.data)
      return ok({})
    }
    if (parts[1] === 'openapi') {
      const spec = openApiFaultSchema.safeParse(parsed.value)
      if (!spec.success) return error(400, 'INVALID_ARGUMENT', spec.error.issues.map((issue) => issue.message).join('; '))
      deps.failOpenApi(spec.data)
      return ok({})
    }
    if (parts[1] === 'realtime-drop') return ok({ dropped: deps.dropRealtimeConnections() })
  }
  if (route === 'DELETE faults' && parts.length === 1) {
    deps.clearFaults()
    return ok({})
  }
  if (route === 'GET openapi' && parts.length === 1) return ok({ calls: deps.openApiCalls() })
  return error(404, 'NOT_FOUND', `no emulator endpoint ${method} ${url.pathname}`)
}
