import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import type { Tone } from '../status-icon/statusAppearance'
import type { TimelineDay, TimelineRow } from './timelineView'
import './index.css'

export interface TimelineProps {
  days: TimelineDay[]
  /** Rows across all days, for the "show all" line. */
  total: number
  /** Rows shown in `days` (fewer than total while collapsed). */
  shown: number
  /** Everything is shown because the shopper asked for it (offers "collapse"). */
  expanded?: boolean
  onToggle?: () => void
  emptyText: string
  showAllText: string
  collapseText: string
  /** Colours the newest scan like the status header (green once delivered, red on a problem). */
  tone?: Tone
}

const classPrefix = 'ps-timeline'

/** Rows shown before "show all": the recent story fits one screen, like the big apps' logistics pages. */
export const COLLAPSED_ROWS = 6

// Days and rows are laid out oldest first and shown newest first by `flex-direction: column-reverse`:
// a live scan is then an append at the end of its day's rows, which Taro sends as one small setData
// path; any insert before a sibling (at the front, or before the day label) resends the whole list,
// so the label sits outside the rows. A row is as few nodes as it can be (the
// rail and the dot are the row's ::before/::after, time and place one line): every node of a new
// row is sent whole, and one live update must stay under 2 KB (bench: setData per live update).
const Row = memo(function Row({ row }: { row: TimelineRow }) {
  return (
    <View className={`${classPrefix}__row${row.latest ? ` ${classPrefix}__row--latest` : ''}`}>
      {row.milestone && <Text className={`${classPrefix}__milestone`}>{row.milestone}</Text>}
      <Text className={`${classPrefix}__text`}>{row.text}</Text>
      <Text className={`${classPrefix}__meta`}>{row.location ? `${row.time}\u2003${row.location}` : row.time}</Text>
    </View>
  )
})

/** Memoised: a page re-render that changes nothing here (a new prop elsewhere) renders none of it. */
export const Timeline = memo(function Timeline({
  days,
  total,
  shown,
  expanded = false,
  onToggle,
  emptyText,
  showAllText,
  collapseText,
  tone = 'progress',
}: TimelineProps) {
  if (days.length === 0) {
    return (
      <View className={`${classPrefix} ${classPrefix}--empty`}>
        <Text className={`${classPrefix}__empty`}>{emptyText}</Text>
      </View>
    )
  }
  return (
    <View className={`${classPrefix} ${classPrefix}--${tone}`}>
      <View className={`${classPrefix}__days`}>
        {[...days].reverse().map((day) => (
          <View key={day.key} className={`${classPrefix}__day`}>
            <Text className={`${classPrefix}__day-label`}>{day.label}</Text>
            <View className={`${classPrefix}__rows`}>
              {[...day.rows].reverse().map((row) => (
                <Row key={row.id} row={row} />
              ))}
            </View>
          </View>
        ))}
      </View>
      {onToggle && total > shown && (
        <View className={`${classPrefix}__toggle`} onClick={onToggle}>
          {showAllText}
        </View>
      )}
      {onToggle && expanded && total > COLLAPSED_ROWS && (
        <View className={`${classPrefix}__toggle`} onClick={onToggle}>
          {collapseText}
        </View>
      )}
    </View>
  )
})
