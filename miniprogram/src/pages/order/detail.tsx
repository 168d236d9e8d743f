// 物流详情 (DESIGN §5: pages/order/detail?id=<orderId>, also the notification deep link). The answer
// at a glance (status header), what went wrong and what happens next (exception banner), which
// parcel (switcher), who carries it (carrier card), the whole story (timeline), and how fresh it is.
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useCallback, useMemo, useRef, useState } from 'react'
import { CarrierCard } from '../../components/carrier-card/CarrierCard'
import { carrierView } from '../../components/carrier-card/carrierView'
import { ExceptionBanner } from '../../components/exception-banner/ExceptionBanner'
import { exceptionAdvice } from '../../components/exception-banner/exceptionAdvice'
import { FreshnessLine } from '../../components/freshness-line/FreshnessLine'
import { freshnessView, liveText } from '../../components/freshness-line/freshnessView'
import { ParcelSwitcher } from '../../components/parcel-switcher/ParcelSwitcher'
import { activeParcels, parcelTabs } from '../../components/parcel-switcher/parcelTabs'
import { TrackingSkeleton } from '../../components/skeleton/TrackingSkeleton'
import { StateView } from '../../components/state-view/StateView'
import { StatusHeader } from '../../components/status-header/StatusHeader'
import { statusHeaderView } from '../../components/status-header/statusHeaderView'
import { COLLAPSED_ROWS, Timeline } from '../../components/timeline/Timeline'
import { firstRows, groupEventsByDay } from '../../components/timeline/timelineView'
import { shopperZone } from '../../format/time'
import { t } from '../../i18n/zh-CN'
import { shopperApi } from '../../services/shopper/shopperApi'
import { toast } from '../../services/shopper/toast'
import { NotifyConsent } from '../../components/notify-consent/NotifyConsent'
import { OrderSummary } from './OrderSummary'
import { useOrderTracking } from './useOrderTracking'
import './detail.css'
import { withLocalCloudBar } from '../../components/local-cloud-bar/withLocalCloudBar'

const zone = shopperZone()

function OrderDetailPage() {
  const orderId = useRouter().params.id ?? ''
  const tracking = useOrderTracking(orderId)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [expanded, setExpanded] = useState(false)
  /** Scans per parcel when first shown: scans arriving live are added above, nothing below drops off. */
  const firstSeenCounts = useRef(new Map<string, number>())
  const { load, now, live } = tracking

  const active = useMemo(() => activeParcels(tracking.parcels), [tracking.parcels])
  const parcel = active.find((candidate) => candidate._id === selectedId) ?? active[0] ?? null
  const days = useMemo(() => (parcel ? groupEventsByDay(parcel.events, now, zone) : []), [parcel, now])
  const total = parcel?.events.length ?? 0
  if (parcel && !firstSeenCounts.current.has(parcel._id)) firstSeenCounts.current.set(parcel._id, total)
  const collapsedRows = COLLAPSED_ROWS + Math.max(0, total - ((parcel && firstSeenCounts.current.get(parcel._id)) ?? total))
  // Stable props, so the memoised Timeline renders only when its rows change (a live scan), never for
  // a prop of another section (docs/performance.md, "setData per live update").
  const shownDays = useMemo(() => (expanded ? days : firstRows(days, collapsedRows)), [days, expanded, collapsedRows])
  const toggleExpanded = useCallback(() => setExpanded((value) => !value), [])

  usePullDownRefresh(async () => {
    try {
      if (live.kind === 'offline') tracking.reconnect()
      if (!parcel) {
        await tracking.reread()
        return
      }
      const result = await shopperApi.refreshTracking(parcel._id)
      if (result.ok) {
        tracking.seed([result.parcel])
        toast(result.queried ? t.tracking.refreshedNew : t.tracking.refreshed)
      } else if (result.reason === 'rate_limited') {
        toast(t.tracking.rateLimited(Math.max(1, Math.ceil((result.retryAfterMs ?? 60_000) / 60_000))))
      } else if (result.reason === 'vendor_unavailable') {
        toast(t.tracking.vendorUnavailable)
      } else {
        toast(t.common.networkError)
      }
    } catch {
      toast(t.common.networkError)
    } finally {
      Taro.stopPullDownRefresh()
    }
  })

  if (load.kind === 'loading')
    return (
      <View className='ps-page ps-tracking'>
        <TrackingSkeleton />
      </View>
    )
  if (load.kind === 'failed') {
    const title = load.reason === 'not_found' ? t.tracking.notFound : t.tracking.loadFailed
    return (
      <View className='ps-page ps-tracking ps-tracking--failed'>
        <StateView
          icon='alert'
          tone='danger'
          title={title}
          body={load.reason === 'network' ? t.common.networkError : undefined}
          action={
            load.reason === 'not_found'
              ? undefined
              : {
                  text: t.common.retry,
                  onClick: () => {
                    tracking.retry()
                  },
                }
          }
        />
      </View>
    )
  }

  const { order } = load
  if (!parcel) {
    return (
      <View className='ps-page ps-tracking ps-tracking--not-shipped'>
        <StateView icon='box' tone='muted' title={t.tracking.notShippedTitle} body={t.tracking.notShippedBody} />
        <FreshnessLine
          view={{ lastScan: null, lastChecked: t.orders.waitingShipment, live: liveText(live) }}
          onReconnect={tracking.reconnect}
          reconnectText={t.tracking.reconnect}
        />
        <NotifyConsent orderId={order._id} status={order.status} />
        <OrderSummary order={order} zone={zone} />
      </View>
    )
  }

  const advice = exceptionAdvice(parcel, now)
  const header = statusHeaderView(parcel, now, zone)
  const tabs = parcelTabs(order, active)
  const shown = Math.min(total, expanded ? total : collapsedRows)
  return (
    <View className={`ps-page ps-tracking ps-tracking--${parcel.status.toLowerCase()}`}>
      <View className='ps-tracking__hero' />
      {/* A split shipment picks the parcel first: everything below describes the selected one. */}
      {(tabs.length > 1 || (tabs[0]?.items.length ?? 0) > 0) && (
        <ParcelSwitcher
          tabs={tabs}
          selectedId={parcel._id}
          onSelect={(id) => {
            setSelectedId(id)
            setExpanded(false)
          }}
        />
      )}
      {advice && <ExceptionBanner advice={advice} />}
      <StatusHeader view={header} />
      <View className='ps-card ps-tracking__story'>
        <CarrierCard
          view={carrierView(parcel)}
          labels={{ carrier: t.tracking.carrier, trackingNo: t.tracking.trackingNo, copy: t.common.copy }}
        />
        <Timeline
          days={shownDays}
          total={total}
          shown={shown}
          expanded={expanded}
          onToggle={toggleExpanded}
          tone={header.tone}
          emptyText={t.tracking.noScansBody}
          showAllText={t.tracking.showAll(total)}
          collapseText={t.tracking.collapse}
        />
      </View>
      <FreshnessLine view={freshnessView(parcel, live, now, zone)} onReconnect={tracking.reconnect} reconnectText={t.tracking.reconnect} />
      <NotifyConsent orderId={order._id} status={order.status} />
      <OrderSummary order={order} zone={zone} />
    </View>
  )
}

export default withLocalCloudBar(OrderDetailPage)
