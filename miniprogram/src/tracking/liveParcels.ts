// Keeps an order's parcels live on the page (DESIGN §3.5, reference/wechat.md §2.4):
// - watches `parcels.where({ orderId, _openid: '{openid}' })` (the rule demands the owner clause);
// - hands changes to the page through a throttle, so a burst of scans is a few renders, not dozens;
// - stop() on hide/unload closes the watcher; start() on show builds a new one, because a watch that
//   lived through a suspension stops refreshing; the page pairs start() with one fresh read (seed());
// - on a watch error it rebuilds with backoff and reports each step, never going silently stale.
//   Rebuild = close the broken watcher and open a new one; `open()` does both.
import type { ParcelDoc } from '@core/api'
import type { CloudClient, Watcher } from '../services/cloud/types'
import type { LiveState } from './liveState'
import { mergeRead, mergeSnapshot, parcelList, type ParcelSet } from './parcelSet'
import { reconnectDelay } from './reconnectDelay'
import { throttleUpdates } from './throttleUpdates'
import type { Timers } from './timers'

export const LIVE_UPDATE_INTERVAL_MS = 300

export interface LiveParcelsOptions {
  client: Pick<CloudClient, 'watch'>
  orderId: string
  timers: Timers
  onParcels(parcels: ParcelDoc[]): void
  onLive(state: LiveState): void
  intervalMs?: number
}

export interface LiveParcels {
  start(): void
  stop(): void
  /** Merge a one-shot read (getOrderTracking, refreshTracking) into the live set. */
  seed(parcels: readonly ParcelDoc[]): void
}

export function liveParcels(options: LiveParcelsOptions): LiveParcels {
  let set: ParcelSet = new Map()
  let watcher: Watcher | null = null
  let generation = 0
  let attempt = 0
  let retryTimer: unknown = null
  const updates = throttleUpdates<ParcelSet>({
    intervalMs: options.intervalMs ?? LIVE_UPDATE_INTERVAL_MS,
    timers: options.timers,
    // Each update already holds the whole set; the newest replaces what is pending.
    combine: (_pending, next) => next,
    flush: (next) => options.onParcels(parcelList(next)),
  })

  function publish(next: ParcelSet) {
    set = next
    updates.push(next)
  }

  function closeWatcher() {
    const closing = watcher
    watcher = null
    // A failed close (socket already gone) changes nothing for the page.
    closing?.close().catch(() => undefined)
  }

  function clearRetry() {
    if (retryTimer !== null) options.timers.clearTimeout(retryTimer)
    retryTimer = null
  }

  function open() {
    clearRetry()
    closeWatcher()
    const mine = ++generation
    options.onLive({ kind: 'connecting' })
    watcher = options.client.watch<ParcelDoc>(
      'parcels',
      { orderId: options.orderId, _openid: '{openid}' },
      {
        onChange(snapshot) {
          if (mine !== generation) return
          // Any snapshot after an error means the SDK recovered the watch itself (the CloudBase JS SDK
          // reports CHECK_LOGIN_FAILED, logs in again and carries on): the rebuild is not needed.
          if (snapshot.isInit || retryTimer !== null) {
            clearRetry()
            attempt = 0
            options.onLive({ kind: 'live' })
          }
          publish(mergeSnapshot(set, snapshot.docs))
        },
        onError() {
          if (mine !== generation || retryTimer !== null) return
          attempt += 1
          const delay = reconnectDelay(attempt)
          if (delay === null) {
            generation += 1
            closeWatcher()
            options.onLive({ kind: 'offline' })
            return
          }
          options.onLive({ kind: 'reconnecting', attempt, retryAt: options.timers.now() + delay })
          retryTimer = options.timers.setTimeout(() => {
            retryTimer = null
            open()
          }, delay)
        },
      },
    )
  }

  return {
    start() {
      attempt = 0
      open()
    },
    stop() {
      generation += 1
      clearRetry()
      updates.cancel()
      closeWatcher()
    },
    seed(parcels) {
      publish(mergeRead(set, parcels))
    },
  }
}
