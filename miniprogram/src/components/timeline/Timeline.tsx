import { Text, View } from '@tarojs/components'
import type { Tone } from '../status-icon/statusAppearance'
import type { TimelineDay } from './timelineView'
import './index.css'

export interface TimelineProps {
  days: TimelineDay[]
  /** Rows across all days, for the "show all" line. */
  total: number
  /** Rows shown in `days` (fewer than total while collapsed). */
  shown: number
  onToggle?: () => void
  emptyText: string
  showAllText: string
  collapseText: string
  /** Colours the newest scan like the status header (green once delivered, red on a problem). */
  tone?: Tone
}

const classPrefix = 'ps-timeline'

export function Timeline({ days, total, shown, onToggle, emptyText, showAllText, collapseText, tone = 'progress' }: TimelineProps) {
  if (days.length === 0) {
    return (
      <View className={`${classPrefix} ${classPrefix}--empty`}>
        <Text className={`${classPrefix}__empty`}>{emptyText}</Text>
      </View>
    )
  }
  return (
    <View className={`${classPrefix} ${classPrefix}--${tone}`}>
      {days.map((day) => (
        <View key={day.key} className={`${classPrefix}__day`}>
          <Text className={`${classPrefix}__day-label`}>{day.label}</Text>
          {day.rows.map((row) => (
            <View key={row.id} className={`${classPrefix}__row${row.latest ? ` ${classPrefix}__row--latest` : ''}`} data-event-id={row.id}>
              <View className={`${classPrefix}__rail`}>
                <View className={`${classPrefix}__dot`} />
              </View>
              <View className={`${classPrefix}__body`}>
                {row.milestone && <Text className={`${classPrefix}__milestone`}>{row.milestone}</Text>}
                <Text className={`${classPrefix}__text`}>{row.text}</Text>
                <View className={`${classPrefix}__meta`}>
                  <Text className={`${classPrefix}__time`}>{row.time}</Text>
                  {row.location && <Text className={`${classPrefix}__location`}>{row.location}</Text>}
                </View>
              </View>
            </View>
          ))}
        </View>
      ))}
      {onToggle && total > shown && <View className={`${classPrefix}__toggle`} onClick={onToggle}>{showAllText}</View>}
      {onToggle && total === shown && total > 0 && shown > COLLAPSED_ROWS && <View className={`${classPrefix}__toggle`} onClick={onToggle}>{collapseText}</View>}
    </View>
  )
}

/** Rows shown before "show all": the recent story fits one screen, like the big apps' logistics pages. */
export const COLLAPSED_ROWS = 6
