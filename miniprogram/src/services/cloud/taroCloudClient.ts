// The weapp backend: Taro.cloud is the native wx.cloud there (reference/taro.md §4).
import Taro from '@tarojs/taro'
import type { CloudClient, WatchChange, WatchHandlers, WatchSnapshot } from './types'

interface NativeSnapshot<T> {
  id: number
  docs: T[]
  docChanges: Array<WatchChange<T>>
  type?: string
}

export function createTaroCloudClient(env?: string): CloudClient {
  let initialised = false
  function cloud() {
    if (!initialised) {
      Taro.cloud.init({ env, traceUser: true })
      initialised = true
    }
    return Taro.cloud
  }

  return {
    async callFunction<T>(name: string, data: Record<string, unknown> = {}): Promise<T> {
      const response = await cloud().callFunction({ name, data })
      return response.result as T
    },

    async query<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
      const response = await cloud().database().collection(collection).where(where).get()
      return response.data as T[]
    },

    watch<T>(collection: string, where: Record<string, unknown>, handlers: WatchHandlers<T>) {
      let seenFirst = false
      const watcher = cloud()
        .database()
        .collection(collection)
        .where(where)
        .watch({
          onChange(result) {
            const raw = result as unknown as NativeSnapshot<T>
            // wx documents `type: 'init'` on the first snapshot only; treat the first callback as init
            // whatever the base library sends (reference/wechat.md §2.4).
            const snapshot: WatchSnapshot<T> = {
              id: raw.id,
              docs: raw.docs,
              docChanges: raw.docChanges,
              isInit: !seenFirst || raw.type === 'init',
            }
            seenFirst = true
            handlers.onChange(snapshot)
          },
          onError(error: unknown) {
            handlers.onError(error instanceof Error ? error : new Error(String((error as { errMsg?: string })?.errMsg ?? error)))
          },
        })
      return {
        close: async () => {
          await watcher.close()
        },
      }
    },
  }
}
