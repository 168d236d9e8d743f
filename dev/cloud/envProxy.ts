// Per-invocation environment variables for in-process cloud functions. wx-server-sdk and its
// node-sdk read identity and routing from process.env at call time (getWXContext, TCB_CONTEXT_CNFG,
// WX_API_TOKEN…), while SCF runs one request per instance. Replacing process.env with a Proxy backed
// by AsyncLocalStorage gives every invocation — and every promise it starts — its own view, so
// concurrent invocations never see each other's OPENID (reference/cloud-emulation.md §0, §6.5).
import { AsyncLocalStorage } from 'node:async_hooks'

export interface EnvOverlay {
  vars: Record<string, string>
  /** Whether a key missing from `vars` may be read from the real process environment. */
  inherits(key: string): boolean
}

const storage = new AsyncLocalStorage<EnvOverlay>()
let installed: { original: NodeJS.ProcessEnv; proxy: NodeJS.ProcessEnv; users: number } | undefined

/** Installs the proxy (once per process, reference-counted); returns the matching uninstall. */
export function installEnvProxy(): () => void {
  if (!installed) {
    const original = process.env
    const proxy = new Proxy(original, handler) as NodeJS.ProcessEnv
    process.env = proxy
    installed = { original, proxy, users: 0 }
  }
  installed.users += 1
  let released = false
  return () => {
    if (released || !installed) return
    released = true
    installed.users -= 1
    if (installed.users === 0) {
      if (process.env === installed.proxy) process.env = installed.original
      installed = undefined
    }
  }
}

export function runWithEnv<T>(overlay: EnvOverlay, body: () => T): T {
  return storage.run(overlay, body)
}

function visible(overlay: EnvOverlay, target: NodeJS.ProcessEnv, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(overlay.vars, key) || (overlay.inherits(key) && key in target)
}

const handler: ProxyHandler<NodeJS.ProcessEnv> = {
  get(target, key) {
    const overlay = storage.getStore()
    if (!overlay || typeof key !== 'string') return Reflect.get(target, key)
    if (Object.prototype.hasOwnProperty.call(overlay.vars, key)) return overlay.vars[key]
    return overlay.inherits(key) ? target[key] : undefined
  },
  set(target, key, value) {
    const overlay = storage.getStore()
    if (!overlay || typeof key !== 'string') return Reflect.set(target, key, value)
    // A function's own writes stay inside its invocation, as on a dedicated SCF instance.
    overlay.vars[key] = String(value)
    return true
  },
  deleteProperty(target, key) {
    const overlay = storage.getStore()
    if (!overlay || typeof key !== 'string') return Reflect.deleteProperty(target, key)
    delete overlay.vars[key]
    return true
  },
  has(target, key) {
    const overlay = storage.getStore()
    if (!overlay || typeof key !== 'string') return Reflect.has(target, key)
    return visible(overlay, target, key)
  },
  ownKeys(target) {
    const overlay = storage.getStore()
    if (!overlay) return Reflect.ownKeys(target)
    return [...new Set([...Object.keys(target).filter((key) => overlay.inherits(key)), ...Object.keys(overlay.vars)])]
  },
  getOwnPropertyDescriptor(target, key) {
    const overlay = storage.getStore()
    if (!overlay || typeof key !== 'string') return Reflect.getOwnPropertyDescriptor(target, key)
    if (!visible(overlay, target, key)) return undefined
    const value = Object.prototype.hasOwnProperty.call(overlay.vars, key) ? overlay.vars[key] : target[key]
    return { value, writable: true, enumerable: true, configurable: true }
  },
}
