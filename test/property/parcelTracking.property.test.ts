// DESIGN §3.2: events are facts, status is derived. Whatever order and however often pushes, polls
// and retries arrive, the parcel ends in the same state.
import fc from 'fast-check'
import { compareNewestFirst, MAX_EVENTS_PER_PARCEL } from '../../core/tracking/mergeEvents'
import {
  emptyTracking,
  mergeSnapshot,
  mergeTracking,
  trackingFromSnapshot,
  type MergeOptions,
  type ParcelTracking,
} from '../../core/tracking/parcelTracking'
import { STATUSES } from '../../core/tracking/statuses'
import { isSignalCurrent } from '../../core/tracking/trackingSignal'
import type { TrackingSnapshot } from '../../core/tracking/trackingSnapshot'
import { arrivalsArb, snapshotArb } from './trackingArbitraries'

const RUNS = { numRuns: 300 }
// A small cap makes the cap bite in almost every run; the default cap is checked too.
const CAPS: MergeOptions[] = [{ maxEvents: 4 }, {}]

const fold = (snapshots: TrackingSnapshot[], options: MergeOptions) =>
  snapshots.reduce<ParcelTracking>((state, snapshot) => mergeSnapshot(state, snapshot, options), emptyTracking())

const stateArb = (options: MergeOptions) => fc.array(snapshotArb, { maxLength: 4 }).map((snapshots) => fold(snapshots, options))

describe.each(CAPS)('with cap %o', (options) => {
  it('any permutation and duplication of the snapshots gives the same parcel', () => {
    fc.assert(
      fc.property(arrivalsArb, ({ snapshots, arrivals }) => {
        expect(fold(arrivals, options)).toEqual(fold(snapshots, options))
      }),
      RUNS,
    )
  })

  it('mergeTracking is commutative', () => {
    fc.assert(
      fc.property(stateArb(options), stateArb(options), (a, b) => {
        expect(mergeTracking(a, b, options)).toEqual(mergeTracking(b, a, options))
      }),
      RUNS,
    )
  })

  it('mergeTracking is associative', () => {
    fc.assert(
      fc.property(stateArb(options), stateArb(options), stateArb(options), (a, b, c) => {
        expect(mergeTracking(mergeTracking(a, b, options), c, options)).toEqual(mergeTracking(a, mergeTracking(b, c, options), options))
      }),
      RUNS,
    )
  })

  it('mergeTracking and mergeSnapshot are idempotent', () => {
    fc.assert(
      fc.property(stateArb(options), snapshotArb, (state, snapshot) => {
        expect(mergeTracking(state, state, options)).toEqual(state)
        const once = mergeSnapshot(state, snapshot, options)
        expect(mergeSnapshot(once, snapshot, options)).toEqual(once)
        expect(mergeTracking(once, trackingFromSnapshot(snapshot, options), options)).toEqual(once)
      }),
      RUNS,
    )
  })

  it('the cap keeps exactly the newest N events of everything ever merged', () => {
    const cap = options.maxEvents ?? MAX_EVENTS_PER_PARCEL
    fc.assert(
      fc.property(arrivalsArb, ({ arrivals }) => {
        const state = fold(arrivals, options)
        const everything = new Map(arrivals.flatMap((snapshot) => snapshot.events).map((event) => [event.id, event]))
        const newest = [...everything.values()]
          .sort(compareNewestFirst)
          .slice(0, cap)
          .map((event) => event.id)
        expect(state.events.map((event) => event.id)).toEqual(newest)
      }),
      RUNS,
    )
  })
})

describe('status', () => {
  it('never depends on arrival order', () => {
    fc.assert(
      fc.property(arrivalsArb, ({ snapshots, arrivals }) => {
        const expected = fold(snapshots, {})
        const actual = fold(arrivals, {})
        expect([actual.status, actual.subStatus, actual.lastEventAt]).toEqual([expected.status, expected.subStatus, expected.lastEventAt])
      }),
      RUNS,
    )
  })

  it('is a claim made for the newest event time, with the highest rank among those claims', () => {
    fc.assert(
      fc.property(arrivalsArb, ({ arrivals }) => {
        const state = fold(arrivals, {})
        const claims = [
          ...state.events.filter((event) => event.at === state.lastEventAt).map((event) => event.status),
          ...state.signals
            .filter((signal) => isSignalCurrent(signal, state.lastEventAt))
            .flatMap((signal) =>
              signal.kind === 'vendor_state'
                ? [signal.status]
                : signal.reason === 'no_change'
                  ? ['EXPIRED' as const]
                  : signal.reason === 'no_record'
                    ? ['PENDING' as const]
                    : [],
            ),
        ]
        if (claims.length === 0) return expect(state.status).toBe('PENDING')
        expect(claims).toContain(state.status)
        expect(STATUSES[state.status].rank).toBe(Math.max(...claims.map((status) => STATUSES[status].rank)))
        expect(state.terminal).toBe(STATUSES[state.status].terminal)
      }),
      RUNS,
    )
  })

  it('is not changed by a snapshot older than what is already known', () => {
    fc.assert(
      fc.property(stateArb({}), snapshotArb, (state, snapshot) => {
        fc.pre(state.lastEventAt !== null)
        const lastEventAt = state.lastEventAt as number
        const stale: TrackingSnapshot = {
          ...snapshot,
          events: snapshot.events.filter((event) => event.at < lastEventAt),
          signals: snapshot.signals.filter((signal) => signal.asOf !== null && signal.asOf < lastEventAt),
        }
        const after = mergeSnapshot(state, stale)
        expect([after.status, after.subStatus, after.lastEventAt]).toEqual([state.status, state.subStatus, state.lastEventAt])
      }),
      RUNS,
    )
  })
})
