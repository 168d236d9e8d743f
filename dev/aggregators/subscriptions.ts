// Accepted subscriptions, one per vendor + vendor carrier code + number. A re-subscribe updates the
// record (Kdniao accepts it without checking; Kuaidi100 only after abort/shutdown, see its handler).
import type { Vendor } from './carriers'

export type SubscriptionState =
  | 'active'
  | 'ended' // Kdniao: pushing / final snapshot sent
  | 'polling'
  | 'shutdown'
  | 'abort' // Kuaidi100's own push statuses

export interface Subscription {
  vendor: Vendor
  /** The number exactly as the client sent it. */
  trackingNo: string
  /** Our short carrier code for what the client subscribed. */
  carrier: string
  /** Kdniao ShipperCode or Kuaidi100 com, as sent. */
  vendorCarrier: string
  scenario: string
  subscribedAt: number
  /** How many times this subscription was (re)submitted and accepted. */
  submissions: number
  state: SubscriptionState
  /** Where pushes go: Kdniao's configured push URL, Kuaidi100's callbackurl; null = nowhere. */
  callbackUrl: string | null
  /** Kuaidi100 `salt` (null: pushes carry no sign). */
  salt: string | null
  /** Kdniao: 8008 → 102 pushes, 1008 → 101 pushes. */
  requestType: string | null
  /** Echoed back in pushes (Kdniao `Callback`, `OrderCode`). */
  callback: string | null
  orderCode: string | null
  phoneTail: string | null
  resultv2: string | null
  /** When the state last changed (Kuaidi100's 30-minute re-subscribe rule counts from it). */
  stateChangedAt: number
  /** Bumped on every accepted submission: pushes planned by an older one are dropped. */
  generation: number
}

export type NewSubscription = Omit<Subscription, 'submissions' | 'state' | 'stateChangedAt' | 'generation'>

export class SubscriptionBook {
  private readonly records = new Map<string, Subscription>()

  private key(vendor: Vendor, vendorCarrier: string, trackingNo: string): string {
    return `${vendor}|${vendorCarrier}|${trackingNo}`
  }

  find(vendor: Vendor, vendorCarrier: string, trackingNo: string): Subscription | undefined {
    return this.records.get(this.key(vendor, vendorCarrier, trackingNo))
  }

  /** Records an accepted submission and returns the live record. */
  accept(input: NewSubscription, initialState: SubscriptionState): Subscription {
    const key = this.key(input.vendor, input.vendorCarrier, input.trackingNo)
    const previous = this.records.get(key)
    const next: Subscription = {
      ...input,
      submissions: (previous?.submissions ?? 0) + 1,
      state: initialState,
      stateChangedAt: input.subscribedAt,
      generation: (previous?.generation ?? 0) + 1,
    }
    // Updated in place: pushes planned earlier hold this object and compare its generation.
    if (previous) return Object.assign(previous, next)
    this.records.set(key, next)
    return next
  }

  setState(record: Subscription, state: SubscriptionState, at: number): void {
    record.state = state
    record.stateChangedAt = at
  }

  all(): Subscription[] {
    return [...this.records.values()].map((record) => ({ ...record }))
  }

  /** Live records put back from a state file (pushes are re-planned by the caller). */
  restore(records: readonly Subscription[]): Subscription[] {
    return records.map((record) => {
      const live = { ...record }
      this.records.set(this.key(live.vendor, live.vendorCarrier, live.trackingNo), live)
      return live
    })
  }
}
