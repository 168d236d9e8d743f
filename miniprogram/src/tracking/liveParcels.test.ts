// The controller against a scripted watch: what the page sees across bursts, errors, hide and show.
// The real watch (CloudBase realtime against the local cloud) is exercised in test/weapp and test/e2e.
import type { ParcelDoc } from '@core/api'
import type { WatchHandlers, WatchSnapshot } from '../services/cloud/types'
import { fixtureParcel, SCANS_TO_DEST_CITY } from '../testing/trackingFixtures'
import type { LiveState } from './liveState'
import { liveParcels } from './liveParcels'
import { manualTimers } from './manualTimers'
import { MAX_RECONNECT_ATTEMPTS } from './reconnectDelay'

const NOW = Date.parse('2026-03-01T02:00:00Z')

interface OpenWatch {
  where: Record<string, unknown>
  handlers: WatchHandlers<ParcelDoc>
  closed: boolean
}

function setup() {
  const timers = manualTimers(NOW)
  const watches: OpenWatch[] = []
  const client = {
    watch<T>(collection: string, where: Record<string, unknown>, handlers: WatchHandlers<T>) {
      expect(collection).toBe('parcels')
      const entry: OpenWatch = { where, handlers: handlers as unknown as WatchHandlers<ParcelDoc>, closed: false }
      watches.push(entry)
      return {
        close: async () => {
          entry.closed = true
        },
      }
    },
  }
  const renders: ParcelDoc[][] = []
  const states: LiveState[] = []
  const live = liveParcels({
    client,
    orderId: 'o1',
    timers,
    onParcels: (parcels) => renders.push(parcels),
    onLive: (state) => states.push(state),
  })
  const emit = (watch: OpenWatch, docs: ParcelDoc[], isInit = false) => {
    const snapshot: WatchSnapshot<ParcelDoc> = { id: 1, docs, docChanges: [], isInit }
    watch.handlers.onChange(snapshot)
  }
  const watchAt = (index: number): OpenWatch => {
    const watch = watches.at(index)
    if (!watch) throw new Error(`no watch #${index} (${watches.length} opened)`)
    return watch
  }
  return { timers, watches, watchAt, renders, states, live, emit }
}

function parcelAt(version: number, scans = SCANS_TO_DEST_CITY.slice(0, 2)) {
  return { ...fixtureParcel(NOW, { orderId: 'o1', scans }), version }
}

describe('liveParcels', () => {
  it("watches only the shopper's own parcels of this order", () => {
    const { live, watchAt } = setup()
    live.start()
    expect(watchAt(0).where).toEqual({ orderId: 'o1', _openid: '{openid}' })
  })

  it('goes live on the init snapshot and renders its parcels', () => {
    const { live, renders, states, emit, watchAt } = setup()
    live.start()
    emit(watchAt(0), [parcelAt(2)], true)
    expect(states).toEqual([{ kind: 'connecting' }, { kind: 'live' }])
    expect(renders.map((parcels) => parcels[0]?.version)).toEqual([2])
  })

  it('renders a burst of changes a few times, ending on the newest', () => {
    const { live, renders, emit, timers, watchAt } = setup()
    live.start()
    emit(watchAt(0), [parcelAt(2)], true)
    for (let version = 3; version <= 22; version += 1) {
      timers.advance(20)
      emit(watchAt(0), [parcelAt(version)])
    }
    timers.advance(1_000)
    expect(renders.length).toBeLessThanOrEqual(3)
    expect(renders.at(-1)?.[0]?.version).toBe(22)
  })

  it('never lets an older read overwrite a newer watch change', () => {
    const { live, renders, emit, timers, watchAt } = setup()
    live.start()
    emit(watchAt(0), [parcelAt(5)], true)
    live.seed([parcelAt(4)])
    timers.advance(1_000)
    expect(renders.at(-1)?.[0]?.version).toBe(5)
  })

  it('closes the watcher on stop and builds a new one on start', () => {
    const { live, watches, watchAt } = setup()
    live.start()
    live.stop()
    expect(watchAt(0).closed).toBe(true)
    live.start()
    expect(watches).toHaveLength(2)
    expect(watchAt(1).closed).toBe(false)
  })

  it('ignores a change from a closed watcher and drops updates pending at hide', () => {
    const { live, renders, emit, timers, watchAt } = setup()
    live.start()
    emit(watchAt(0), [parcelAt(2)], true)
    emit(watchAt(0), [parcelAt(3)])
    live.stop()
    emit(watchAt(0), [parcelAt(9)])
    timers.advance(1_000)
    expect(renders.map((parcels) => parcels[0]?.version)).toEqual([2])
  })

  it('rebuilds after an error with backoff, reporting each step, and goes live again', () => {
    const { live, watches, states, emit, timers, watchAt } = setup()
    live.start()
    emit(watchAt(0), [parcelAt(2)], true)
    watchAt(0).handlers.onError(new Error('socket closed'))
    expect(states[states.length - 1]).toEqual({ kind: 'reconnecting', attempt: 1, retryAt: NOW + 1_000 })
    timers.advance(999)
    expect(watches).toHaveLength(1)
    timers.advance(1)
    expect(watches).toHaveLength(2)
    expect(watchAt(0).closed).toBe(true)
    emit(watchAt(1), [parcelAt(3)], true)
    expect(states[states.length - 1]).toEqual({ kind: 'live' })
  })

  it('takes a snapshot from the erroring watch as recovery and cancels the rebuild', () => {
    const { live, watches, states, emit, timers, watchAt } = setup()
    live.start()
    watchAt(0).handlers.onError(new Error('CHECK_LOGIN_FAILED'))
    emit(watchAt(0), [parcelAt(2)], true)
    expect(states[states.length - 1]).toEqual({ kind: 'live' })
    timers.advance(60_000)
    expect(watches).toHaveLength(1)
    expect(watchAt(0).closed).toBe(false)
  })

  it('gives up after the last attempt and says so; start() tries again', () => {
    const { live, watches, states, timers, watchAt } = setup()
    live.start()
    for (let attempt = 1; attempt <= MAX_RECONNECT_ATTEMPTS + 1; attempt += 1) {
      watchAt(-1).handlers.onError(new Error('down'))
      timers.advance(60_000)
    }
    expect(watches).toHaveLength(MAX_RECONNECT_ATTEMPTS + 1)
    expect(states[states.length - 1]).toEqual({ kind: 'offline' })
    live.start()
    expect(watches).toHaveLength(MAX_RECONNECT_ATTEMPTS + 2)
    expect(states[states.length - 1]).toEqual({ kind: 'connecting' })
  })

  it('cancels a scheduled rebuild on stop', () => {
    const { live, watches, timers, watchAt } = setup()
    live.start()
    watchAt(0).handlers.onError(new Error('down'))
    live.stop()
    timers.advance(60_000)
    expect(watches).toHaveLength(1)
    expect(timers.pendingCount()).toBe(0)
  })
})
