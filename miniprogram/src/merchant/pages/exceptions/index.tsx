// 异常包裹: parcels that need a human — no scan for 48 h, EXCEPTION, DELIVERY_FAILED, RETURNING —
// longest silence first, with the last thing the carrier said, and the two things to do about it:
// ask the carrier now, or open the order (to correct a wrong number or carrier).
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ExceptionItem } from '@core/api'
import { formatDateTime, shopperZone } from '../../../format/time'
import { toast } from '../../../services/shopper/toast'
import { ExceptionCard } from '../../components/exception-card/ExceptionCard'
import { FilterChips } from '../../components/filter-chips/FilterChips'
import { MerchantShell } from '../../components/merchant-shell/MerchantShell'
import { shipPageUrl } from '../../components/merchant-shell/sections'
import { useLoadOnShow } from '../../components/merchant-shell/useLoadOnShow'
import { merchantApi } from '../../services/merchantApi'
import { m, textFor } from '../../strings'
import { EXCEPTION_FILTERS, exceptionCounts, exceptionRow, filterExceptions, type ExceptionFilter } from '../../views/exceptionView'
import './index.css'

type Board = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; items: ExceptionItem[]; checkedAt: number }

const zone = shopperZone()

function ExceptionsBody() {
  const [board, setBoard] = useState<Board>({ kind: 'loading' })
  const [filter, setFilter] = useState<ExceptionFilter>('all')
  const [refreshing, setRefreshing] = useState<string | null>(null)

  async function load() {
    try {
      const result = await merchantApi.exceptions()
      setBoard(result.ok ? { kind: 'ready', items: result.items, checkedAt: result.checkedAt } : { kind: 'failed' })
    } catch {
      setBoard((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed' }))
    }
  }
  useLoadOnShow(() => {
    load()
  })
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })

  async function refresh(parcelId: string) {
    setRefreshing(parcelId)
    try {
      const result = await merchantApi.refreshParcel(parcelId)
      if (result.ok) toast(m.exceptions.refreshed)
      else if (result.reason === 'rate_limited')
        toast(m.exceptions.rateLimited(Math.max(1, Math.ceil((result.retryAfterMs ?? 60_000) / 60_000))))
      else if (result.reason === 'vendor_unavailable') toast(m.exceptions.vendorUnavailable)
      else toast(textFor(m.failures, result.reason) ?? result.message)
      if (result.ok) await load()
    } catch {
      toast(m.networkError)
    } finally {
      setRefreshing(null)
    }
  }

  if (board.kind === 'loading')
    return (
      <View className='mc-exceptions__placeholder'>
        <Text>{m.loading}</Text>
      </View>
    )
  if (board.kind === 'failed')
    return (
      <View className='mc-exceptions__placeholder'>
        <Text>{m.loadFailed}</Text>
        <Text
          className='mc-link mc-exceptions__retry'
          onClick={() => {
            setBoard({ kind: 'loading' })
            load()
          }}
        >
          {m.retry}
        </Text>
      </View>
    )
  const counts = exceptionCounts(board.items)
  const shown = filterExceptions(board.items, filter)
  return (
    <View className='mc-exceptions'>
      <View className='mc-exceptions__bar'>
        <FilterChips<ExceptionFilter>
          options={EXCEPTION_FILTERS.map((key) => ({ key, text: m.exceptions.kinds[key], count: counts[key] }))}
          active={filter}
          onChange={setFilter}
        />
        <Text className='mc-exceptions__checked mc-muted'>{m.exceptions.checkedAt(formatDateTime(board.checkedAt, zone))}</Text>
      </View>
      {shown.length === 0 && (
        <View className='mc-exceptions__placeholder' data-empty='yes'>
          <Text>{m.exceptions.empty}</Text>
        </View>
      )}
      {shown.map((item) => (
        <ExceptionCard
          key={item.parcelId}
          row={exceptionRow(item)}
          refreshing={refreshing === item.parcelId}
          onRefresh={() => {
            refresh(item.parcelId)
          }}
          onOpenOrder={() => Taro.navigateTo({ url: shipPageUrl(item.orderId) })}
        />
      ))}
    </View>
  )
}

export default function ExceptionsPage() {
  return (
    <MerchantShell active='exceptions' title={m.nav.exceptions}>
      {() => <ExceptionsBody />}
    </MerchantShell>
  )
}
