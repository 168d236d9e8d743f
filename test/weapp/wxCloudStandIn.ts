// `wx.cloud` for miniprogram-simulate, forwarding to a real local cloud through the page's own H5
// backend (createCloudbaseClient): real function calls, real client-path reads under the security
// rules, real realtime watch. Taro copies wx.cloud once at startup (reference/taro.md §3a), so this
// is installed before app.js loads and keeps one identity; `connect()` points it at a cloud.
import WebSocket from 'ws'
import { createCloudbaseClient } from '../../miniprogram/src/services/cloud/cloudbaseClient'
import type { CloudClient, WatchSnapshot } from '../../miniprogram/src/services/cloud/types'

export interface CloudTarget {
  url: string
  envId: string
  openid: string
}

export interface WxCloudStandIn {
  connect(target: CloudTarget): void
  /** Watchers opened and not yet closed. */
  openWatchers(): number
  watchesOpened(): number
  functionCalls: Array<{ name: string; data: Record<string, unknown> }>
}

interface NativeWatchOptions {
  onChange(snapshot: unknown): void
  onError(error: unknown): void
}

export function installWxCloud(): WxCloudStandIn {
  let client: CloudClient | null = null
  let open = 0
  let opened = 0
  const functionCalls: WxCloudStandIn['functionCalls'] = []
  const connected = () => {
    if (!client) throw new Error('wx.cloud stand-in: connect() it to a local cloud first')
    return client
  }

  const cloud = {
    init: () => undefined,
    async callFunction({ name, data = {} }: { name: string; data?: Record<string, unknown> }) {
      functionCalls.push({ name, data })
      return { result: await connected().callFunction(name, data), errMsg: 'cloud.callFunction:ok' }
    },
    database: () => ({
      collection: (collection: string) => ({
        where: (where: Record<string, unknown>) => ({
          async get() {
            return { data: await connected().query(collection, where), errMsg: 'collection.get:ok' }
          },
          watch({ onChange, onError }: NativeWatchOptions) {
            open += 1
            opened += 1
            let closed = false
            const watcher = connected().watch(collection, where, {
              // Back to the base library's shape: `type: 'init'` on the first snapshot.
              onChange: (snapshot: WatchSnapshot<unknown>) =>
                onChange({
                  id: snapshot.id,
                  docs: snapshot.docs,
                  docChanges: snapshot.docChanges,
                  ...(snapshot.isInit ? { type: 'init' } : {}),
                }),
              onError: (error) => onError({ errMsg: error.message }),
            })
            return {
              async close() {
                if (closed) return
                closed = true
                await watcher.close()
                open -= 1
              },
            }
          },
        }),
      }),
    }),
  }
  ;(globalThis as unknown as { wx: Record<string, unknown> }).wx.cloud = cloud

  return {
    connect(target) {
      client = createCloudbaseClient({ url: target.url, envId: target.envId, openid: target.openid, WebSocket })
    },
    openWatchers: () => open,
    watchesOpened: () => opened,
    functionCalls,
  }
}
