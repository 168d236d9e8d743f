// Timer triggers from each function's config.json, driven by the devcloud clock. `tick()` fires
// every trigger whose time has come (once, however many slots a jumped clock skipped) and schedules
// the next; `start()` ticks every second on the real clock (CLI mode; off in tests, which call
// tick() or fire a trigger on demand).
import { readdirSync, existsSync } from 'node:fs'
import * as path from 'node:path'
import type { TimerTrigger } from './config'
import { nextFireTime } from './cron'

export interface SchedulerDeps {
  functionsDir: string
  timersOf(functionName: string): TimerTrigger[]
  now(): number
  fire(functionName: string, trigger: TimerTrigger, scheduledAt: number): Promise<void>
}

const TICK_MS = 1000

export class TimerScheduler {
  private readonly due = new Map<string, number>()
  private interval: NodeJS.Timeout | undefined
  private ticking: Promise<string[]> | undefined
  /** Slots before the scheduler existed never fire. */
  private readonly since: number

  constructor(private readonly deps: SchedulerDeps) {
    this.since = deps.now()
  }

  start(): void {
    if (this.interval) return
    this.interval = setInterval(() => {
      void this.tick()
    }, TICK_MS)
    this.interval.unref()
  }

  stop(): void {
    clearInterval(this.interval)
    this.interval = undefined
  }

  /** Fires what is due now; resolves with `function/trigger` names fired, after they finished. */
  tick(): Promise<string[]> {
    // One tick at a time, so a slow timer function is not started twice for one slot.
    this.ticking ??= this.runDue().finally(() => {
      this.ticking = undefined
    })
    return this.ticking
  }

  private async runDue(): Promise<string[]> {
    const now = this.deps.now()
    const firing: Array<Promise<void>> = []
    const fired: string[] = []
    for (const name of functionNames(this.deps.functionsDir)) {
      for (const trigger of this.deps.timersOf(name)) {
        const key = `${name}/${trigger.name}`
        const due = this.due.get(key) ?? nextFireTime(trigger.schedule, this.since)
        if (due === null) continue
        if (due > now) {
          this.due.set(key, due)
          continue
        }
        const next = nextFireTime(trigger.schedule, now)
        if (next === null) this.due.delete(key)
        else this.due.set(key, next)
        fired.push(key)
        firing.push(this.deps.fire(name, trigger, due))
      }
    }
    await Promise.allSettled(firing)
    return fired
  }
}

export function functionNames(functionsDir: string): string[] {
  if (!existsSync(functionsDir)) return []
  return readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(functionsDir, entry.name, 'index.js')))
    .map((entry) => entry.name)
    .sort()
}
