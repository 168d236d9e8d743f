// Runs `<functionsDir>/<name>/index.js` bundles in-process on the real wx-server-sdk, with the
// environment SCF gives an invocation (reference/cloud-emulation.md §1.2): TCB_CONTEXT_CNFG routes
// the SDK back to this devcloud, WX_CONTEXT_KEYS/WX_* carry the caller for getWXContext(), and a
// per-invocation WX_API_TOKEN lets a nested callFunction be attributed to its caller.
// Known limit of in-process hosting: a function that overruns its timeout is answered with the
// platform's failure but cannot be killed; its remaining work still runs.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { loadFunctionConfig, type FunctionConfig } from './config'
import { runWithEnv } from './envProxy'
import { fail, ok, type CloudResult } from './errors'

/** Mini-program identity the emulator reports; an obviously fake but well-formed appid. */
export const DEV_APPID = 'wx0000000000000000'
/** "cloudfunction result size exceed limit (1MB)", errCode -604001 (reference/wechat.md §1.4). */
export const MAX_RESULT_BYTES = 1024 * 1024
const RESULT_TOO_LARGE = -604001

export interface Invocation {
  name: string
  env: string
  event: unknown
  /** getWXContext().SOURCE: wx_client, wx_trigger, http, or a chain such as wx_client,scf. */
  source: string
  openid?: string
  timer?: boolean
}

/** What a nested call's token resolves to. */
export interface InvocationIdentity {
  functionName: string
  env: string
  openid?: string
  source: string
}

export interface FunctionHostOptions {
  functionsDir: string
  adminUrl: () => string
  region: string
  functionEnv: Record<string, string>
  /** CLI mode: functions also see the real process environment (minus the platform's own keys). */
  inheritProcessEnv: boolean
  /** Fault knob: a reason to refuse invocations right now, if any. */
  refusal: () => string | undefined
  logFailures: boolean
}

const PLATFORM_KEY = /^(TCB_|SCF_|TENCENTCLOUD_|WX_|TRIGGER_SRC$|CLOUDBASE_)/
/** What a runtime needs from the real environment even when functions are otherwise isolated. */
const RUNTIME_KEYS = new Set(['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'TZ', 'LANG', 'LC_ALL', 'NODE_ENV', 'NODE_OPTIONS', 'NODE_PATH'])

export class FunctionHost {
  private readonly identities = new Map<string, InvocationIdentity>()
  private readonly running = new Set<Promise<unknown>>()
  /** Function bodies, answered or not (see drainExecutions). */
  private readonly executions = new Set<Promise<unknown>>()
  private readonly configs = new Map<string, FunctionConfig>()

  constructor(private readonly options: FunctionHostOptions) {}

  identityOf(token: string | undefined): InvocationIdentity | undefined {
    return token ? this.identities.get(token) : undefined
  }

  config(name: string): CloudResult<FunctionConfig> {
    const cached = this.configs.get(name)
    if (cached) return ok(cached)
    const dir = this.functionDir(name)
    if (!dir.ok) return dir
    const loaded = loadFunctionConfig(dir.value)
    if (!loaded.ok) return fail('FUNCTIONS_REQUEST_FAIL', loaded.message)
    this.configs.set(name, loaded.config)
    return ok(loaded.config)
  }

  invoke(invocation: Invocation): Promise<CloudResult<unknown>> {
    const run = this.run(invocation)
    this.running.add(run)
    void run.finally(() => this.running.delete(run))
    return run
  }

  quiet(): boolean {
    return this.running.size === 0
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }

  /**
   * Waits (up to `maxMs`) for function bodies still running after their invocation was answered —
   * those past their timeout keep running in-process. The env proxy must outlive them: without it
   * the SDK would see this process's own environment, not the emulator's routing.
   */
  async drainExecutions(maxMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), maxMs)
    })
    const drained = (async () => {
      while (this.executions.size > 0) await Promise.allSettled([...this.executions])
      return true as const
    })()
    try {
      return await Promise.race([drained, deadline])
    } finally {
      clearTimeout(timer)
    }
  }

  private functionDir(name: string): CloudResult<string> {
    if (!/^[A-Za-z][\w-]{0,59}$/.test(name)) return fail('FUNCTIONS_REQUEST_FAIL', `invalid function name "${name}"`)
    const dir = path.join(this.options.functionsDir, name)
    if (!existsSync(path.join(dir, 'index.js')))
      return fail(
        'FUNCTIONS_REQUEST_FAIL',
        `FunctionName parameter could not be found: ${name} (no ${path.join(dir, 'index.js')}; run npm run build:functions)`,
      )
    return ok(dir)
  }

  private async run(invocation: Invocation): Promise<CloudResult<unknown>> {
    const refusal = this.options.refusal()
    if (refusal) return fail('FUNCTIONS_REQUEST_FAIL', refusal)
    const dir = this.functionDir(invocation.name)
    if (!dir.ok) return dir
    const config = this.config(invocation.name)
    if (!config.ok) return config
    const token = randomBytes(16).toString('hex')
    const requestId = randomBytes(16).toString('hex')
    const vars = this.environment(invocation, config.value, token)
    const overlay = { vars, inherits: (key: string) => this.inherits(key) }
    let main: (event: unknown, context: unknown) => unknown
    try {
      // Loaded once per process like a warm instance: module scope (cloud.init, cloud.database())
      // runs once — inside the invocation's environment, as SCF loads it, so the SDK sees the
      // emulator's routing and never probes Tencent's metadata host.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deployed function's CommonJS index.js, found at run time
      const loaded = runWithEnv(overlay, () => require(path.join(dir.value, 'index.js')) as { main?: unknown })
      if (typeof loaded.main !== 'function') return fail('FUNCTIONS_EXECUTE_FAIL', `${invocation.name}/index.js exports no main function`)
      main = loaded.main as typeof main
    } catch (error) {
      return this.failed(invocation, `loading ${invocation.name} failed: ${describeError(error)}`)
    }

    this.identities.set(token, { functionName: invocation.name, env: invocation.env, openid: invocation.openid, source: invocation.source })
    const timeoutMs = config.value.timeoutSeconds * 1000
    const context = {
      request_id: requestId,
      function_name: invocation.name,
      function_version: '$LATEST',
      namespace: invocation.env,
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutMs,
      tencentcloud_region: this.options.region,
      environment: JSON.stringify(vars),
    }
    const event = JSON.parse(JSON.stringify(invocation.event ?? {}))
    let timer: NodeJS.Timeout | undefined
    const overrun = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    try {
      const execution = runWithEnv(overlay, () => Promise.resolve(main(event, context)))
      this.executions.add(execution)
      const forget = () => {
        this.executions.delete(execution)
      }
      execution.then(forget, forget)
      const outcome = await Promise.race([execution, overrun])
      if (outcome === 'timeout') return this.failed(invocation, `Invoking task timed out after ${config.value.timeoutSeconds} seconds`)
      const json = JSON.stringify(outcome ?? null)
      if (Buffer.byteLength(json) > MAX_RESULT_BYTES) {
        return fail('FUNCTIONS_EXECUTE_FAIL', 'errCode -604001: cloudfunction result size exceed limit (1MB)', RESULT_TOO_LARGE)
      }
      return ok(JSON.parse(json))
    } catch (error) {
      return this.failed(invocation, describeError(error))
    } finally {
      clearTimeout(timer)
      this.identities.delete(token)
    }
  }

  private environment(invocation: Invocation, config: FunctionConfig, token: string): Record<string, string> {
    const wx: Record<string, string> = { WX_API_TOKEN: token }
    if (invocation.openid !== undefined) Object.assign(wx, { WX_OPENID: invocation.openid, WX_APPID: DEV_APPID, WX_CLIENTIP: '127.0.0.1' })
    if (invocation.timer) Object.assign(wx, { WX_TRIGGER_API_TOKEN_V0: token })
    return {
      ...this.options.functionEnv,
      ...config.envVariables,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl() }),
      SCF_NAMESPACE: invocation.env,
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: this.options.region,
      TENCENTCLOUD_SECRETID: 'AKIDdevcloudFAKE',
      TENCENTCLOUD_SECRETKEY: 'devcloud-fake-secret-key',
      // node-sdk only forwards WX_API_TOKEN when it is listed here (reference/cloud-emulation.md §1.2).
      WX_CONTEXT_KEYS: Object.keys(wx).join(','),
      ...wx,
      TCB_SOURCE: invocation.source,
      TCB_CONTEXT_KEYS: 'TCB_SOURCE',
      ...(invocation.timer ? { TRIGGER_SRC: 'timer' } : {}),
    }
  }

  private inherits(key: string): boolean {
    if (PLATFORM_KEY.test(key)) return false
    return this.options.inheritProcessEnv || RUNTIME_KEYS.has(key)
  }

  private failed(invocation: Invocation, message: string): CloudResult<never> {
    if (this.options.logFailures) console.error(`[devcloud] ${invocation.name} failed: ${message}`)
    return fail('FUNCTIONS_EXECUTE_FAIL', message)
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error))
}
