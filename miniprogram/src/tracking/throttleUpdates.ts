// Batches a burst of updates into at most one flush per interval (reference/wechat.md §7: keep
// setData under 20 calls/s; our goal is ≤ 4/s during bursts). The first update after a quiet spell
// flushes at once, so a single scan shows without delay; updates inside the interval are combined
// and flushed once at its end.
import type { Timers } from './timers'

export interface ThrottleOptions<T> {
  intervalMs: number
  timers: Timers
  /** Folds a new update into the pending one (undefined when nothing is pending). */
  combine(pending: T | undefined, next: T): T
  flush(value: T): void
}

export interface Throttle<T> {
  push(value: T): void
  /** Drops what is pending (the page went to the background) without flushing it. */
  cancel(): void
}

export function throttleUpdates<T>(options: ThrottleOptions<T>): Throttle<T> {
  let pending: { value: T } | null = null
  let timer: unknown = null
  let lastFlushAt = -Infinity

  function flushPending() {
    timer = null
    if (!pending) return
    const { value } = pending
    pending = null
    lastFlushAt = options.timers.now()
    options.flush(value)
  }

  return {
    push(value) {
      pending = { value: options.combine(pending?.value, value) }
      if (timer !== null) return
      const wait = lastFlushAt + options.intervalMs - options.timers.now()
      if (wait <= 0) flushPending()
      else timer = options.timers.setTimeout(flushPending, wait)
    },
    cancel() {
      if (timer !== null) options.timers.clearTimeout(timer)
      timer = null
      pending = null
    },
  }
}
