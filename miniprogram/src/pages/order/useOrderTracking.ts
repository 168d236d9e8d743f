// The tracking page's data: one read of the order and its parcels on show, the live watch while the
// page is visible. Page lifecycles per reference/wechat.md §2.4 and DESIGN §3.5: close the watcher on
// hide and unload; on show, rebuild it and get() once. The reads go straight to the database under
// the owner rule (`_openid: '{openid}'`), like the watch: no function cold start before first paint.
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { OrderDoc, ParcelDoc } from '@core/api'
import { cloud } from '../../services/cloud'
import { liveParcels, type LiveParcels } from '../../tracking/liveParcels'
import type { LiveState } from '../../tracking/liveState'
import { systemTimers } from '../../tracking/timers'

export type LoadState = { kind: 'loading' } | { kind: 'ready'; order: OrderDoc } | { kind: 'failed'; reason: 'not_found' | 'network' }

/** core/api docIdSchema's alphabet: a link with anything else cannot name an order. */
const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/

/** "3分钟前" texts age while the page is open; once a minute is enough and costs one small setData. */
const CLOCK_TICK_MS = 30_000

export function useOrderTracking(orderId: string) {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' })
  const [parcels, setParcels] = useState<ParcelDoc[]>([])
  const [live, setLive] = useState<LiveState>({ kind: 'connecting' })
  const [now, setNow] = useState(() => Date.now())
  const liveRef = useRef<LiveParcels | null>(null)
  const tickRef = useRef<ReturnType<typeof setInterval> | null>(null)

  liveRef.current ??= liveParcels({
    client: cloud(),
    orderId,
    timers: systemTimers,
    onParcels: (next) => {
      setParcels(next)
      setNow(Date.now())
    },
    onLive: setLive,
  })
  const controller = liveRef.current

  async function read(): Promise<void> {
    if (!ORDER_ID.test(orderId)) {
      controller.stop()
      setLoad({ kind: 'failed', reason: 'not_found' })
      return
    }
    try {
      const [orders, parcels] = await Promise.all([
        cloud().query<OrderDoc>('orders', { _id: orderId, _openid: '{openid}' }),
        cloud().query<ParcelDoc>('parcels', { orderId, _openid: '{openid}' }),
      ])
      // Another shopper's order reads as no order at all: the rule filters it out.
      if (!orders[0]) {
        controller.stop()
        setLoad({ kind: 'failed', reason: 'not_found' })
        return
      }
      controller.seed(parcels)
      setLoad({ kind: 'ready', order: orders[0] })
    } catch {
      // Keep showing what we have; only a first load turns into the error state.
      setLoad((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed', reason: 'network' }))
    }
  }

  function stopTicking() {
    if (tickRef.current !== null) clearInterval(tickRef.current)
    tickRef.current = null
  }

  function stop() {
    controller.stop()
    stopTicking()
  }

  useDidShow(() => {
    controller.start()
    read()
    stopTicking()
    setNow(Date.now())
    tickRef.current = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS)
  })
  useDidHide(stop)
  useUnload(stop)

  return {
    load,
    parcels,
    live,
    now,
    retry: () => {
      setLoad({ kind: 'loading' })
      controller.start()
      return read()
    },
    reconnect: () => controller.start(),
    reread: read,
    seed: (docs: ParcelDoc[]) => controller.seed(docs),
  }
}
