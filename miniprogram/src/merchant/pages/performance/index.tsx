// 承运商表现: delivery time per carrier and per destination province (median, p90) and exception
// rate over the last 7 / 30 / 90 days, from parcels shipped in that window.
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MerchantConsoleResult } from '@core/api'
import { carrierInfo } from '@core/carriers/carrierRegistry'
import { FilterChips } from '../../components/filter-chips/FilterChips'
import { MerchantShell } from '../../components/merchant-shell/MerchantShell'
import { useLoadOnShow } from '../../components/merchant-shell/useLoadOnShow'
import { PerformanceTable } from '../../components/performance-table/PerformanceTable'
import { merchantApi } from '../../services/merchantApi'
import { m } from '../../strings'
import { performanceRows } from '../../views/performanceView'
import './index.css'

type Figures = Extract<MerchantConsoleResult<'carrierPerformance'>, { ok: true }>
type Report = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; figures: Figures }

const WINDOWS = ['7', '30', '90'] as const
type Window = (typeof WINDOWS)[number]

function PerformanceBody() {
  const [report, setReport] = useState<Report>({ kind: 'loading' })
  const [days, setDays] = useState<Window>('30')

  async function load(window: Window = days) {
    try {
      const result = await merchantApi.carrierPerformance(Number(window))
      setReport(result.ok ? { kind: 'ready', figures: result } : { kind: 'failed' })
    } catch {
      setReport({ kind: 'failed' })
    }
  }
  useLoadOnShow(() => {
    load()
  })
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className='mc-performance-page'>
      <FilterChips<Window>
        options={WINDOWS.map((key) => ({ key, text: m.performance.since(Number(key)) }))}
        active={days}
        onChange={(window) => {
          setDays(window)
          setReport({ kind: 'loading' })
          load(window)
        }}
      />
      {report.kind === 'loading' && (
        <View className='mc-performance-page__placeholder'>
          <Text>{m.loading}</Text>
        </View>
      )}
      {report.kind === 'failed' && (
        <View className='mc-performance-page__placeholder'>
          <Text>{m.loadFailed}</Text>
          <Text
            className='mc-link'
            onClick={() => {
              setReport({ kind: 'loading' })
              load()
            }}
          >
            {' '}
            {m.retry}
          </Text>
        </View>
      )}
      {report.kind === 'ready' && report.figures.byCarrier.length === 0 && (
        <View className='mc-performance-page__placeholder' data-empty='yes'>
          <Text>{m.performance.empty}</Text>
        </View>
      )}
      {report.kind === 'ready' && report.figures.byCarrier.length > 0 && (
        <View className='mc-performance-page__tables'>
          <PerformanceTable
            title={m.performance.byCarrier}
            rows={performanceRows(
              report.figures.byCarrier.map((row) => ({ ...row, key: row.carrier, name: carrierInfo(row.carrier).names['zh-CN'] })),
            )}
          />
          <PerformanceTable
            title={m.performance.byProvince}
            rows={performanceRows(report.figures.byProvince.map((row) => ({ ...row, key: row.province, name: row.province })))}
          />
        </View>
      )}
    </View>
  )
}

export default function PerformancePage() {
  return (
    <MerchantShell active='performance' title={m.nav.performance}>
      {() => <PerformanceBody />}
    </MerchantShell>
  )
}
