// A hand-moved clock implementing Timers, for the live-update tests and the weapp bench.
import type { Timers } from './timers'

export interface ManualTimers extends Timers {
  advance(ms: number): void
  pendingCount(): number
}

export function manualTimers(start = 0): ManualTimers {
  let now = start
  let nextId = 1
  const scheduled = new Map<number, { at: number; callback: () => void }>()
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++
      scheduled.set(id, { at: now + Math.max(0, ms), callback })
      return id
    },
    clearTimeout(handle) {
      scheduled.delete(handle as number)
    },
    advance(ms) {
      const until = now + ms
      for (;;) {
        const due = [...scheduled.entries()].filter(([, entry]) => entry.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0]
        if (!due) break
        scheduled.delete(due[0])
        now = due[1].at
        due[1].callback()
      }
      now = until
    },
    pendingCount: () => scheduled.size,
  }
}
