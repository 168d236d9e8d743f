// 商家后台 概览: what is waiting (orders to ship, parcels in trouble) and the way into each section.
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ExceptionItem, OrderDoc } from '@core/api'
import { MerchantShell } from '../../components/merchant-shell/MerchantShell'
import { SECTIONS, shipPageUrl } from '../../components/merchant-shell/sections'
import { useLoadOnShow } from '../../components/merchant-shell/useLoadOnShow'
import { merchantApi } from '../../services/merchantApi'
import { m } from '../../strings'
import { exceptionCounts, exceptionRow } from '../../views/exceptionView'
import { toShipRow } from '../../views/toShipView'
import './index.css'
import { withLocalCloudBar } from '../../../components/local-cloud-bar/withLocalCloudBar'

type Overview =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; toShip: OrderDoc[]; moreToShip: boolean; exceptions: ExceptionItem[]; now: number }

function sectionPath(key: string): string {
  return SECTIONS.find((section) => section.key === key)?.path ?? SECTIONS[0].path
}

function OverviewBody({ name }: { name: string }) {
  const [overview, setOverview] = useState<Overview>({ kind: 'loading' })

  async function load() {
    try {
      const [toShip, exceptions] = await Promise.all([merchantApi.toShip(''), merchantApi.exceptions()])
      if (!toShip.ok || !exceptions.ok) throw new Error('refused')
      setOverview({
        kind: 'ready',
        toShip: toShip.orders,
        moreToShip: toShip.nextBefore !== null,
        exceptions: exceptions.items,
        now: exceptions.checkedAt,
      })
    } catch {
      setOverview((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed' }))
    }
  }
  useLoadOnShow(load)
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })

  if (overview.kind === 'loading')
    return (
      <View className='mc-home__placeholder'>
        <Text>{m.loading}</Text>
      </View>
    )
  if (overview.kind === 'failed')
    return (
      <View className='mc-home__placeholder'>
        <Text>{m.loadFailed}</Text>
        <Text
          className='mc-link mc-home__retry'
          onClick={() => {
            setOverview({ kind: 'loading' })
            load()
          }}
        >
          {m.retry}
        </Text>
      </View>
    )
  const counts = exceptionCounts(overview.exceptions)
  const go = (key: string) => Taro.redirectTo({ url: sectionPath(key) })
  return (
    <View className='mc-home'>
      <Text className='mc-home__greeting'>{m.home.greeting(name)}</Text>
      <View className='mc-home__stats'>
        <View className='mc-home__stat mc-home__stat--ship' data-stat='toShip' onClick={() => go('toShip')}>
          <Text className='mc-home__stat-label'>{m.home.toShip}</Text>
          <Text className='mc-home__stat-value'>
            {overview.toShip.length}
            {overview.moreToShip ? m.home.more : ''}
          </Text>
        </View>
        <View className='mc-home__stat mc-home__stat--alert' data-stat='exceptions' onClick={() => go('exceptions')}>
          <Text className='mc-home__stat-label'>{m.home.exceptions}</Text>
          <Text className='mc-home__stat-value'>{counts.all}</Text>
          <Text className='mc-home__stat-detail'>
            {m.exceptions.kinds.stuck} {counts.stuck} · {m.exceptions.kinds.delivery_failed} {counts.delivery_failed} ·{' '}
            {m.exceptions.kinds.exception} {counts.exception}
          </Text>
        </View>
        <View className='mc-home__stat mc-home__stat--action' data-stat='batch' onClick={() => go('batch')}>
          <Text className='mc-home__stat-label'>{m.nav.batch}</Text>
          <Text className='mc-home__stat-detail'>{m.home.batchHint}</Text>
        </View>
        <View className='mc-home__stat mc-home__stat--action' data-stat='performance' onClick={() => go('performance')}>
          <Text className='mc-home__stat-label'>{m.nav.performance}</Text>
          <Text className='mc-home__stat-detail'>{m.home.performanceHint}</Text>
        </View>
      </View>
      <View className='mc-home__columns'>
        <View className='mc-card mc-home__column'>
          <Text className='mc-card__title'>{m.home.longestWaiting}</Text>
          {overview.toShip.length === 0 && <Text className='mc-muted'>{m.toShip.empty}</Text>}
          {/* Longest wait first: those are the orders about to break a shipping promise. */}
          {[...overview.toShip]
            .sort((a, b) => a.payment.paidAt - b.payment.paidAt)
            .slice(0, 5)
            .map((order) => {
              const row = toShipRow(order, overview.now)
              return (
                <View
                  key={row.orderId}
                  className='mc-home__line'
                  data-order-id={row.orderId}
                  onClick={() => Taro.navigateTo({ url: shipPageUrl(row.orderId) })}
                >
                  <View className='mc-home__line-main'>
                    <Text className='mc-home__line-title'>
                      {row.receiver} · {row.itemsText}
                    </Text>
                    <Text className='mc-home__line-sub mc-mono'>{row.orderId}</Text>
                  </View>
                  <Text className={`mc-home__line-side ${row.overdue ? 'mc-tone--danger' : 'mc-muted'}`}>{row.waitingText}</Text>
                </View>
              )
            })}
        </View>
        <View className='mc-card mc-home__column'>
          <Text className='mc-card__title'>{m.home.exceptions}</Text>
          {overview.exceptions.length === 0 && <Text className='mc-muted'>{m.exceptions.empty}</Text>}
          {overview.exceptions.slice(0, 5).map((item) => {
            const row = exceptionRow(item)
            return (
              <View key={row.parcelId} className='mc-home__line' onClick={() => Taro.navigateTo({ url: shipPageUrl(row.orderId) })}>
                <View className='mc-home__line-main'>
                  <Text className='mc-home__line-title'>
                    {row.carrierName} <Text className='mc-mono'>{row.trackingNo}</Text>
                  </Text>
                  <Text className='mc-home__line-sub'>{row.lastEventText}</Text>
                </View>
                <Text className={`mc-tag mc-tag--${row.tone}`}>{row.kindLabel}</Text>
              </View>
            )
          })}
        </View>
      </View>
    </View>
  )
}

function MerchantHomePage() {
  return (
    <MerchantShell active='home' title={m.nav.home}>
      {(name) => <OverviewBody name={name} />}
    </MerchantShell>
  )
}

export default withLocalCloudBar(MerchantHomePage)
