// Request limits in clock time: Kdniao's per-account QPS (old 1002 doc: "并发不超过10个/S") and
// Kuaidi100's per-number lock (">48 queries of one number within 24 h → 锁单 for 24 h", §2.8).

export class QpsWindow {
  private readonly recent: number[] = []

  constructor(private readonly perSecond: number) {}

  /** Counts a request at `now`; false when it is over the limit for the last second. */
  admit(now: number): boolean {
    while ((this.recent[0] ?? Infinity) <= now - 1000) this.recent.shift()
    if (this.recent.length >= this.perSecond) return false
    this.recent.push(now)
    return true
  }
}

const KUAIDI100_LOCK_THRESHOLD = 48
const DAY_MS = 24 * 60 * 60 * 1000

export class NumberLock {
  private readonly queries = new Map<string, number[]>()
  private readonly lockedUntil = new Map<string, number>()

  constructor(
    private readonly threshold = KUAIDI100_LOCK_THRESHOLD,
    private readonly windowMs = DAY_MS,
  ) {}

  /** Counts a query of `number` at `now`; false while the number is locked. */
  admit(number: string, now: number): boolean {
    const until = this.lockedUntil.get(number)
    if (until !== undefined && now < until) return false
    const recent = (this.queries.get(number) ?? []).filter((at) => at > now - this.windowMs)
    if (recent.length >= this.threshold) {
      this.lockedUntil.set(number, now + this.windowMs)
      this.queries.set(number, [])
      return false
    }
    recent.push(now)
    this.queries.set(number, recent)
    return true
  }
}
