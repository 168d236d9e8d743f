// Whether the local cloud answers, for the local build's banner: "本地云未启动" with the command to
// start it while it does not, and back to normal by itself once it does. A failed request or a lost
// socket marks it down; from then on a probe asks again every few seconds until something answers.

export type LocalCloudStatus = 'unknown' | 'up' | 'down'

export interface ReachabilityTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface Reachability {
  status(): LocalCloudStatus
  markUp(): void
  markDown(): void
  /** Called on every change, and once with the current status; returns the unsubscribe. */
  subscribe(listener: (status: LocalCloudStatus) => void): () => void
}

export const PROBE_INTERVAL_MS = 2000

/** `probe` resolves true when the local cloud answered anything at all. */
export function reachability(probe: () => Promise<boolean>, timers: ReachabilityTimers, intervalMs = PROBE_INTERVAL_MS): Reachability {
  let current: LocalCloudStatus = 'unknown'
  let timer: unknown = null
  const listeners = new Set<(status: LocalCloudStatus) => void>()

  function set(next: LocalCloudStatus): void {
    if (next === current) return
    current = next
    for (const listener of [...listeners]) listener(next)
  }

  function scheduleProbe(): void {
    if (timer !== null) return
    timer = timers.setTimeout(() => {
      probe().then(
        (answered) => {
          timer = null
          if (answered) set('up')
          else if (current === 'down') scheduleProbe()
        },
        () => {
          timer = null
          if (current === 'down') scheduleProbe()
        },
      )
    }, intervalMs)
  }

  return {
    status: () => current,
    markUp() {
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
      set('up')
    },
    markDown() {
      set('down')
      scheduleProbe()
    },
    subscribe(listener) {
      listeners.add(listener)
      listener(current)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
