// Collecting watch() snapshots in a test, with bounded waits.
import type { CloudClient, WatchSnapshot, Watcher } from '../../miniprogram/src/services/cloud/types'

export interface SnapshotQueue<T> {
  /** The next snapshot not yet taken; rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<WatchSnapshot<T>>
  /** The error passed to onError; rejects after `timeoutMs`. */
  error(timeoutMs?: number): Promise<Error>
  /** Snapshots received and not yet taken. */
  pending(): number
  close(): Promise<void>
}

export function watchInto<T>(client: CloudClient, collection: string, where: Record<string, unknown>): SnapshotQueue<T> {
  const snapshots: Array<WatchSnapshot<T>> = []
  const errors: Error[] = []
  const waiters: Array<() => void> = []
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter()
  }
  const watcher: Watcher = client.watch<T>(collection, where, {
    onChange: (snapshot) => {
      snapshots.push(snapshot)
      wake()
    },
    onError: (error) => {
      errors.push(error)
      wake()
    },
  })
  const waitFor = async <R>(take: () => R | undefined, what: string, timeoutMs: number): Promise<R> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const value = take()
      if (value !== undefined) return value
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
  return {
    next: (timeoutMs = 5000) => waitFor(() => snapshots.shift(), `watch snapshot on ${collection}`, timeoutMs),
    error: (timeoutMs = 5000) => waitFor(() => errors[0], `watch error on ${collection}`, timeoutMs),
    pending: () => snapshots.length,
    close: () => watcher.close(),
  }
}
