// The sandbox never reads Date.now() or setTimeout directly: everything that happens "later"
// (scenario events, pushes, retries, outage ends, lock expiry) goes through a SandboxClock, so a
// test can compress a week of vendor behaviour into milliseconds with a manual clock.

export type TimerTask = () => Promise<void> | void
export type CancelTimer = () => void

export interface SandboxClock {
  readonly kind: 'manual' | 'real'
  /** Current instant, epoch ms. */
  now(): number
  /** Runs `task` at clock instant `at` (tasks due at the same instant run in scheduling order). */
  schedule(at: number, task: TimerTask): CancelTimer
  /** Moves time forward by `ms`, running everything that falls due in order and awaiting it. */
  advance(ms: number): Promise<void>
  /** Runs everything already due and waits until no task is running. */
  settle(): Promise<void>
  /**
   * Real milliseconds to wait for a peer before an attempt counts as timed out. The vendor timeout
   * is clock time; a manual clock does not move while I/O is pending, so it uses a short real cap.
   */
  responseWaitMs(vendorTimeoutMs: number): number
  /** Drops every pending timer (used by Sandbox.close). */
  stop(): void
}

interface Timer {
  at: number
  seq: number
  task: TimerTask
}

class TimerQueue {
  private timers: Timer[] = []
  private seq = 0

  add(at: number, task: TimerTask): CancelTimer {
    const timer: Timer = { at, seq: this.seq++, task }
    let index = this.timers.length
    while (index > 0 && (this.timers[index - 1]?.at ?? at) > at) index -= 1
    this.timers.splice(index, 0, timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  takeDue(at: number): Timer | undefined {
    const [first] = this.timers
    if (!first || first.at > at) return undefined
    return this.timers.shift()
  }

  nextAt(): number | undefined {
    return this.timers[0]?.at
  }
  clear(): void {
    this.timers = []
  }
}

export interface ManualClockOptions {
  /** Starting instant, epoch ms (default 2025-01-02T00:00:00Z). */
  startAt?: number
  /** Real ms a push waits for the receiver before it counts as a vendor timeout (default 1000). */
  ioWaitMs?: number
}

export interface ManualClock extends SandboxClock {
  readonly kind: 'manual'
}

export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  const queue = new TimerQueue()
  let current = options.startAt ?? Date.UTC(2025, 0, 2, 0, 0, 0)
  const ioWaitMs = options.ioWaitMs ?? 1000
  let running: Promise<void> = Promise.resolve()

  // advance() calls are serialised: two overlapping advances would otherwise interleave timers.
  function exclusive(work: () => Promise<void>): Promise<void> {
    const next = running.then(work)
    running = next.catch(() => undefined)
    return next
  }

  async function runUntil(target: number): Promise<void> {
    for (let timer = queue.takeDue(target); timer; timer = queue.takeDue(target)) {
      current = Math.max(current, timer.at)
      await timer.task()
    }
    current = Math.max(current, target)
  }

  return {
    kind: 'manual',
    now: () => current,
    schedule: (at, task) => queue.add(at, task),
    advance: (ms) => {
      if (!(ms >= 0)) throw new RangeError(`advance(ms) needs a non-negative number, got ${ms}`)
      return exclusive(() => runUntil(current + ms))
    },
    settle: () => exclusive(() => runUntil(current)),
    responseWaitMs: () => ioWaitMs,
    stop: () => queue.clear(),
  }
}

// setTimeout takes at most a signed 32-bit delay; longer waits are re-armed.
const MAX_TIMEOUT_MS = 2 ** 31 - 1

export function createRealClock(): SandboxClock {
  const queue = new TimerQueue()
  let skew = 0
  let handle: NodeJS.Timeout | undefined
  const inFlight = new Set<Promise<void>>()
  const now = () => Date.now() + skew

  function track(task: TimerTask): void {
    const run = Promise.resolve()
      .then(task)
      .catch((error: unknown) => {
        console.error('[sandbox] timer task failed', error)
      })
    inFlight.add(run)
    void run.finally(() => inFlight.delete(run))
  }

  function fireDue(): void {
    for (let timer = queue.takeDue(now()); timer; timer = queue.takeDue(now())) track(timer.task)
    arm()
  }

  function arm(): void {
    if (handle) clearTimeout(handle)
    handle = undefined
    const next = queue.nextAt()
    if (next === undefined) return
    handle = setTimeout(fireDue, Math.min(Math.max(next - now(), 0), MAX_TIMEOUT_MS))
    handle.unref()
  }

  async function drain(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight])
  }

  return {
    kind: 'real',
    now,
    schedule: (at, task) => {
      const cancel = queue.add(at, task)
      arm()
      return () => {
        cancel()
        arm()
      }
    },
    // Real mode: skip ahead (the demo's fast-forward); the clock stays ahead of the wall by `ms`.
    advance: async (ms) => {
      if (!(ms >= 0)) throw new RangeError(`advance(ms) needs a non-negative number, got ${ms}`)
      skew += ms
      fireDue()
      await drain()
    },
    settle: async () => {
      fireDue()
      await drain()
    },
    responseWaitMs: (vendorTimeoutMs) => vendorTimeoutMs,
    stop: () => {
      queue.clear()
      if (handle) clearTimeout(handle)
      handle = undefined
    },
  }
}
