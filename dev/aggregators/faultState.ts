// The global knobs set through Sandbox.setFaults, including the vendor-API outage and the requests
// it is holding open.
import type { SandboxClock } from './clock'
import type { Vendor } from './carriers'
import { globalFaultsSchema, type Faults, type GlobalFaults } from './faults'

interface ActiveOutage {
  vendor: Vendor | 'both'
  mode: 'refuse' | 'hang'
  until: number | null
}

export class FaultState {
  private faults: Faults = {}
  private seedValue = 1
  private outage: ActiveOutage | null = null
  private generation = 0
  private held: Array<() => void> = []

  constructor(private readonly clock: SandboxClock) {}

  /** Replaces every global knob (a knob left out is switched off). Throws on invalid input. */
  set(input: GlobalFaults): void {
    const { outage, seed, ...faults } = globalFaultsSchema.parse(input)
    this.faults = faults
    this.seedValue = seed ?? 1
    this.generation += 1
    this.releaseHeld()
    if (!outage) {
      this.outage = null
      return
    }
    const until = outage.forMs === undefined ? null : this.clock.now() + outage.forMs
    this.outage = { vendor: outage.vendor, mode: outage.mode, until }
    if (until !== null) {
      const generation = this.generation
      this.clock.schedule(until, () => {
        if (generation !== this.generation) return
        this.outage = null
        this.releaseHeld()
      })
    }
  }

  get global(): Faults {
    return this.faults
  }
  get seed(): number {
    return this.seedValue
  }

  outageFor(vendor: Vendor): 'refuse' | 'hang' | null {
    const outage = this.outage
    if (!outage || (outage.vendor !== 'both' && outage.vendor !== vendor)) return null
    if (outage.until !== null && this.clock.now() >= outage.until) return null
    return outage.mode
  }

  /** Resolves when the current outage ends, is replaced, or the sandbox closes. */
  waitForOutageEnd(): Promise<void> {
    return new Promise((resolve) => {
      this.held.push(resolve)
    })
  }

  releaseHeld(): void {
    const held = this.held
    this.held = []
    for (const release of held) release()
  }
}
