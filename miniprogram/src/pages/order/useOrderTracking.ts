// The tracking page's data: one read of the order and its parcels on show, the live watch while the
// page is visible, and the refresh the shopper can pull for. Page lifecycles per reference/wechat.md
// §2.4: close the watcher on hide and unload; on show, rebuild it and read once.
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { OrderDoc, ParcelDoc } from '@core/api'
import { cloud } from '../../services/cloud'
import { shopperApi } from '../../services/shopper/shopperApi'
import { liveParcels, type LiveParcels } from '../../tracking/liveParcels'
import type { LiveState } from '../../tracking/liveState'
import { systemTimers } from '../../tracking/timers'

export type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; order: OrderDoc }
  | { kind: 'failed'; reason: 'not_found' | 'network' | 'not_signed_in' }

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
    onParcels: (next) => { setParcels(next); setNow(Date.now()) },
    onLive: setLive,
  })
  const controller = liveRef.current

  async function read(): Promise<void> {
    try {
      const result = await shopperApi.getOrderTracking(orderId)
      if (result.ok) {
        controller.seed(result.parcels)
        setLoad({ kind: 'ready', order: result.order })
      } else {
        setLoad((previous) => previous.kind === 'ready' ? previous : { kind: 'failed', reason: result.reason === 'not_signed_in' ? 'not_signed_in' : result.reason === 'not_found' || result.reason === 'invalid_input' ? 'not_found' : 'network' })
      }
    } catch {
      // Keep showing what we have; only a first load turns into the error state.
      setLoad((previous) => previous.kind === 'ready' ? previous : { kind: 'failed', reason: 'network' })
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
