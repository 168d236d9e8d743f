// The page's whole view of the cloud (DESIGN §3.5): call a function, read and watch documents.
// On weapp it is backed by Taro.cloud (= wx.cloud); on H5 and in node tests by the real
// @cloudbase/database client pointed at the local cloud. Pages never see which.

export type WatchDataType = 'init' | 'update' | 'replace' | 'add' | 'remove' | 'limit'
export type WatchQueueType = 'init' | 'update' | 'enqueue' | 'dequeue'

export interface WatchChange<T> {
  id: number
  docId: string
  dataType: WatchDataType
  queueType: WatchQueueType
  doc: T
  updatedFields?: Record<string, unknown>
  removedFields?: string[]
}

export interface WatchSnapshot<T> {
  id: number
  /** The full current query result after this event. */
  docs: T[]
  docChanges: Array<WatchChange<T>>
  /** True for the first snapshot of a watch. The JS SDK omits `type: 'init'` on a non-empty init, so this is normalised. */
  isInit: boolean
}

export interface WatchHandlers<T> {
  onChange(snapshot: WatchSnapshot<T>): void
  onError(error: Error): void
}

export interface Watcher {
  close(): Promise<void>
}

/**
 * Queries use the client-path rules: a collection readable only by its owner must be queried with
 * `_openid: '{openid}'` in `where`, which the platform replaces with the caller's openid.
 */
export interface CloudClient {
  /** Resolves with the function's return value; rejects when the platform fails the call. */
  callFunction<T>(name: string, data?: Record<string, unknown>): Promise<T>
  query<T>(collection: string, where: Record<string, unknown>): Promise<T[]>
  watch<T>(collection: string, where: Record<string, unknown>, handlers: WatchHandlers<T>): Watcher
}
