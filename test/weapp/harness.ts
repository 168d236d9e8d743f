// Runs the real weapp build (miniprogram/dist) inside miniprogram-simulate: WeChat's exparser plus
// the real `wcc` compiler for Taro's base.wxml templates (reference/taro.md §3a). simulate only
// provides Component()/Behavior(); Taro's app.js calls App() and every page calls Page(), so those
// are adapted here. Rendering is asynchronous (Taro batches setData): poll with `waitFor`.
import * as path from 'node:path'
import { existsSync } from 'node:fs'

// miniprogram-simulate ships no types; the part we use is typed here.
interface SimulatedComponent {
  dom: HTMLElement
  instance: Record<string, unknown> & { setData(data: Record<string, unknown>): void }
  querySelector(selector: string): SimulatedComponent | undefined
  querySelectorAll(selector: string): SimulatedComponent[]
  dispatchEvent(eventName: string, options?: { detail?: unknown }): void
  attach(parent: Element): void
  detach(): void
}
interface Simulate {
  load(componentPath: string, options: { rootPath: string; compiler: 'official' }): string
  render(id: string): SimulatedComponent
  sleep(ms: number): Promise<void>
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- miniprogram-simulate is CommonJS without types; Simulate above is its shape
const simulate = require('miniprogram-simulate') as Simulate

export type Page = SimulatedComponent
export const DIST = path.resolve(__dirname, '..', '..', 'miniprogram', 'dist')
let dist = DIST

type PageOptions = Record<string, unknown>
type PageInstance = Record<string, unknown> & { route?: string; __route__?: string }
type Lifecycle = (this: PageInstance, ...args: unknown[]) => void

const g = globalThis as unknown as Record<string, unknown> & { wx: Record<string, unknown>; Component(options: unknown): void }
let appOptions: (Record<string, unknown> & { onLaunch?: Lifecycle; onShow?: Lifecycle }) | null = null
const pageStack: PageInstance[] = []
let nextRoute = ''
let nextQuery: Record<string, string> = {}
const loadedRoutes = new Map<string, string>()

g.App = (options: typeof appOptions) => {
  appOptions = options
}
g.getApp = () => appOptions
g.getCurrentPages = () => pageStack
g.Page = (options: PageOptions) => {
  const methods: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
  const call = (instance: PageInstance, name: string, ...args: unknown[]) => {
    const handler = instance[name]
    if (typeof handler === 'function') (handler as Lifecycle).apply(instance, args)
  }
  g.Component({
    data: (options.data as Record<string, unknown>) ?? {},
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        this.route = this.__route__ = nextRoute
        pageStack.push(this)
        call(this, 'onLoad', nextQuery)
        call(this, 'onShow')
      },
      ready(this: PageInstance) {
        call(this, 'onReady')
      },
      detached(this: PageInstance) {
        call(this, 'onUnload')
        pageStack.splice(pageStack.indexOf(this), 1)
      },
    },
  })
}

/** Fire a page lifecycle (onHide/onShow/onPullDownRefresh) the way WeChat would. */
export function firePageEvent(page: Page, name: 'onShow' | 'onHide' | 'onPullDownRefresh' | 'onUnload'): void {
  const handler = page.instance[name]
  if (typeof handler !== 'function') throw new Error(`page has no ${name} handler`)
  ;(handler as () => void).call(page.instance)
}

/** Run another build of the app (the local build a test made aside) instead of miniprogram/dist; before the first mount. */
export function useBuild(dir: string): void {
  if (appOptions) throw new Error('useBuild() must come before the first mountPage()')
  dist = dir
}

/** Mount a page of the built app. The first call loads app.js and runs App.onLaunch. */
export function mountPage(route: string, query: Record<string, string> = {}): Page {
  if (!existsSync(path.join(dist, 'app.js')))
    throw new Error(`${path.relative(process.cwd(), dist)} is missing: run \`npm run build:weapp\` first`)
  if (!appOptions) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app.js, loaded as the weapp runtime loads it
    require(path.join(dist, 'app.js'))
    if (!appOptions) throw new Error('app.js did not call App()')
    const launched = appOptions as { onLaunch?: Lifecycle; onShow?: Lifecycle }
    launched.onLaunch?.call(launched as PageInstance, { path: route, query: {}, scene: 1001 })
    launched.onShow?.call(launched as PageInstance, { path: route, query: {}, scene: 1001 })
  }
  nextRoute = route
  nextQuery = query
  // A page's module runs Page() once, when first required: load each route once, render it many times.
  let id = loadedRoutes.get(route)
  if (id === undefined) {
    id = simulate.load(path.join(dist, route), { rootPath: dist, compiler: 'official' })
    loadedRoutes.set(route, id)
  }
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

export function unmountPage(page: Page): void {
  page.detach()
}

export function textOf(page: Page): string {
  return page.dom.textContent ?? ''
}

/** Poll until `predicate` holds; Taro renders through batched, asynchronous setData. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await simulate.sleep(10)
  }
}

/**
 * Mounts the custom tab bar. Taro compiles it as a Component whose config carries `behaviors: {}`,
 * which WeChat accepts and j-component (an array only) refuses; the registration is normalised for
 * this one load.
 */
export function mountTabBar(): Page {
  const register = g.Component
  g.Component = (options: unknown) => {
    const config = options as Record<string, unknown>
    register({ ...config, behaviors: Array.isArray(config.behaviors) ? config.behaviors : [] })
  }
  try {
    return mountPage('custom-tab-bar/index')
  } finally {
    g.Component = register
  }
}
