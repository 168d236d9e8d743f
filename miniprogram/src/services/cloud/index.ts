// The one module pages use to reach the cloud (DESIGN §3.5). process.env.TARO_ENV is replaced at
// build time, so each target bundles only its own backend: the weapp never ships the H5 client.
import type { CloudClient } from './types'

export type { CloudClient, WatchChange, WatchHandlers, WatchSnapshot, Watcher } from './types'

interface DevCloudConfig { url: string; envId: string }

let current: CloudClient | null = null
let currentOpenid: string | null = null

function createForTarget(): CloudClient {
  if (process.env.TARO_ENV === 'h5') {
    const { createCloudbaseClient } = require('./cloudbaseClient') as typeof import('./cloudbaseClient')
    const { devIdentity } = require('./identity') as typeof import('./identity')
    // Injected into index.html by the local stack (dev/h5/serveH5.ts); the default is `npm start`'s.
    const config = (window as unknown as { __DEVCLOUD__?: DevCloudConfig }).__DEVCLOUD__ ?? { url: 'http://127.0.0.1:8787', envId: 'dev-local' }
    currentOpenid = devIdentity(window.location, window.sessionStorage)
    return createCloudbaseClient({ url: config.url, envId: config.envId, openid: currentOpenid, WebSocket: window.WebSocket })
  }
  const { createTaroCloudClient } = require('./taroCloudClient') as typeof import('./taroCloudClient')
  return createTaroCloudClient(process.env.TARO_APP_CLOUD_ENV || undefined)
}

export function cloud(): CloudClient {
  current ??= createForTarget()
  return current
}

/** The H5 build's chosen identity (null on weapp, where WeChat knows the user). */
export function devOpenid(): string | null {
  cloud()
  return currentOpenid
}
