// The dev adapter: the page's CloudClient for a build made against the local cloud (DESIGN §5,
// `npm run build:weapp:local`, `npm run build:h5:local`). services/cloud/index.ts requires this
// module only when the build constant LOCAL_CLOUD_BUILD_URL is set, so a release build contains
// none of it: no local address, no x-devcloud-openid caller, no identity switch.
//
// It is the real @cloudbase/database client (createCloudbaseClient) on the transport the target
// has: fetch and the browser's WebSocket on H5; wx.request and wx.connectSocket on the weapp. It
// also watches whether the local cloud answers, for the "本地云未启动" banner.
import Taro from '@tarojs/taro'
import { createCloudbaseClient } from '../cloudbaseClient'
import type { CloudClient, WatchHandlers } from '../types'
import { DEFAULT_DEV_OPENID, isDevOpenid } from './devIdentities'
import { devIdentity } from './identity'
import { reachability, type Reachability } from './reachability'
import { LocalCloudUnreachable, wxPost, wxWebSocketClass, type WxNetwork } from './wxTransport'

declare const wx: WxNetwork

export interface LocalCloud {
  /** Where this build reaches the local cloud. */
  url: string
  client: CloudClient
  reach: Reachability
  openid(): string
  /** Acts as another seeded identity from the next call on (pages re-read on relaunch). */
  switchIdentity(openid: string): void
}

const WEAPP_IDENTITY_KEY = 'devcloud.openid'
/** The env `npm start` and `npm run devcloud` serve (dev/start/localStack.ts). */
const LOCAL_ENV = 'dev-local'

let instance: LocalCloud | null = null

export function localCloud(): LocalCloud {
  instance ??= process.env.TARO_ENV === 'h5' ? h5LocalCloud() : weappLocalCloud()
  return instance
}

function weappLocalCloud(): LocalCloud {
  const url = String(process.env.LOCAL_CLOUD_BUILD_URL).replace(/\/+$/, '')
  const post = wxPost(wx)
  const reach = reachability(() => answersAsLocalCloud((body) => post(`${url}/client`, body, { 'content-type': 'application/json' })), {
    setTimeout,
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  })
  const WebSocket = wxWebSocketClass(wx, { opened: () => reach.markUp(), lost: () => reach.markDown() })
  const remembered = readStorage(WEAPP_IDENTITY_KEY)
  let openid = isDevOpenid(remembered) ? remembered : DEFAULT_DEV_OPENID
  let inner = createCloudbaseClient({ url, envId: LOCAL_ENV, openid, post, WebSocket })
  return {
    url,
    reach,
    client: tracked(() => inner, reach),
    openid: () => openid,
    switchIdentity(next) {
      if (!isDevOpenid(next) || next === openid) return
      openid = next
      Taro.setStorageSync(WEAPP_IDENTITY_KEY, next)
      inner = createCloudbaseClient({ url, envId: LOCAL_ENV, openid, post, WebSocket })
    },
  }
}

interface DevCloudConfig {
  url: string
  envId: string
}

function h5LocalCloud(): LocalCloud {
  // Injected into index.html by the local stack (dev/h5/serveH5.ts), so one build serves any port.
  const injected = (window as unknown as { __DEVCLOUD__?: DevCloudConfig }).__DEVCLOUD__
  const config = injected ?? { url: String(process.env.LOCAL_CLOUD_BUILD_URL), envId: LOCAL_ENV }
  const url = config.url.replace(/\/+$/, '')
  const post = async (body: string) => {
    const response = await fetch(`${url}/client`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    return { status: response.status, json: response.ok ? await response.json() : null }
  }
  const reach = reachability(() => answersAsLocalCloud(post), window)
  const openid = devIdentity(window.location, window.sessionStorage)
  const client = createCloudbaseClient({ url, envId: config.envId, openid, WebSocket: window.WebSocket })
  return { url, reach, client: tracked(() => client, reach), openid: () => openid, switchIdentity: () => undefined }
}

/** The local cloud answers a bare client-path call with its own JSON refusal; anything else is not it. */
async function answersAsLocalCloud(post: (body: string) => Promise<{ status: number; json: unknown }>): Promise<boolean> {
  const reply = await post('{}')
  return reply.status === 200 && typeof (reply.json as { requestId?: unknown } | null)?.requestId === 'string'
}

function readStorage(key: string): unknown {
  try {
    return Taro.getStorageSync(key)
  } catch {
    return null
  }
}

/** Nothing answered (weapp: wx.request failed; H5: fetch rejected), or something that is not the local cloud did. */
function unreachable(error: unknown): boolean {
  return (
    error instanceof LocalCloudUnreachable ||
    error instanceof TypeError ||
    /local cloud answered HTTP/.test(String((error as Error)?.message))
  )
}

function tracked(current: () => CloudClient, reach: Reachability): CloudClient {
  async function guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      const value = await run()
      reach.markUp()
      return value
    } catch (error) {
      if (unreachable(error)) reach.markDown()
      throw error
    }
  }
  return {
    callFunction: (name, data) => guard(() => current().callFunction(name, data)),
    query: (collection, where) => guard(() => current().query(collection, where)),
    watch: <T>(collection: string, where: Record<string, unknown>, handlers: WatchHandlers<T>) =>
      current().watch<T>(collection, where, {
        onChange(snapshot) {
          reach.markUp()
          handlers.onChange(snapshot)
        },
        onError: (error) => handlers.onError(error),
      }),
  }
}
