import { Text, View } from '@tarojs/components'
import type { PerformanceRow } from '../../views/performanceView'
import { m } from '../../strings'
import './index.css'

export interface PerformanceTableProps {
  title: string
  rows: readonly PerformanceRow[]
}

const classPrefix = 'mc-performance'

/** Delivery time as paired CSS bars (median over p90, one scale per table) and the exception rate. */
export function PerformanceTable({ title, rows }: PerformanceTableProps) {
  const c = m.performance.columns
  return (
    <View className={`mc-card ${classPrefix}`}>
      <View className={`${classPrefix}__title-row`}>
        <Text className='mc-card__title'>{title}</Text>
        <View className={`${classPrefix}__legend`}>
          <View className={`${classPrefix}__swatch ${classPrefix}__swatch--median`} />
          <Text>{m.performance.legendMedian}</Text>
          <View className={`${classPrefix}__swatch ${classPrefix}__swatch--p90`} />
          <Text>{m.performance.legendP90}</Text>
        </View>
      </View>
      <View className={`${classPrefix}__head`}>
        <Text className={`${classPrefix}__name`}>{c.name}</Text>
        <Text className={`${classPrefix}__count`}>{c.parcels}</Text>
        <Text className={`${classPrefix}__count`}>{c.delivered}</Text>
        <Text className={`${classPrefix}__bars`}>
          {c.median} / {c.p90}
        </Text>
        <Text className={`${classPrefix}__rate`}>{c.exceptionRate}</Text>
      </View>
      {rows.map((row) => (
        <View key={row.key} className={`${classPrefix}__row`} data-key={row.key}>
          <Text className={`${classPrefix}__name`}>{row.name}</Text>
          <Text className={`${classPrefix}__count`}>{row.parcelsText}</Text>
          <Text className={`${classPrefix}__count`}>{row.deliveredText}</Text>
          <View className={`${classPrefix}__bars`}>
            <View className={`${classPrefix}__bar-line`}>
              <View className={`${classPrefix}__track`}>
                <View className={`${classPrefix}__bar ${classPrefix}__bar--p90`} style={{ width: `${row.p90Pct}%` }}>
                  <View
                    className={`${classPrefix}__bar ${classPrefix}__bar--median`}
                    style={{ width: row.p90Pct === 0 ? '0%' : `${(row.medianPct / row.p90Pct) * 100}%` }}
                  />
                </View>
              </View>
            </View>
            <Text className={`${classPrefix}__bar-text`}>
              {row.medianText} / {row.p90Text}
            </Text>
          </View>
          <Text className={`${classPrefix}__rate mc-tone--${row.exceptionTone}`}>{row.exceptionText}</Text>
        </View>
      ))}
    </View>
  )
}
