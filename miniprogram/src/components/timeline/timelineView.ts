// The whole story of a parcel as the timeline shows it: newest first, grouped by the shopper's
// calendar day, the newest scan highlighted, and the status named where it changes (the way
// Taobao/JD label 已揽收 → 运输中 → 派送中 → 已签收 along the line).
import { statusLabel } from '@core/tracking/labels'
import type { TrackingEvent } from '@core/tracking/trackingEvent'
import { dayKey, formatClock, formatDay } from '../../format/time'

export interface TimelineRow {
  id: string
  time: string
  text: string
  location: string | null
  /** The status name on the newest scan of each stretch of one status; null below it. */
  milestone: string | null
  latest: boolean
}

export interface TimelineDay {
  key: string
  label: string
  rows: TimelineRow[]
}

export function groupEventsByDay(events: readonly TrackingEvent[], now: number, zone: string): TimelineDay[] {
  // Stored newest first already; sorting again (stable) keeps a hand-edited or legacy doc honest.
  const ordered = [...events].sort((a, b) => b.at - a.at)
  const days: TimelineDay[] = []
  ordered.forEach((event, index) => {
    const newer = ordered[index - 1]
    const key = dayKey(event.at, zone)
    let day = days[days.length - 1]
    if (!day || day.key !== key) {
      day = { key, label: formatDay(event.at, now, zone, { weekday: true }), rows: [] }
      days.push(day)
    }
    day.rows.push({
      id: event.id,
      time: formatClock(event.at, zone),
      text: event.text,
      location: event.location ?? null,
      milestone: !newer || newer.status !== event.status ? statusLabel(event.status) : null,
      latest: index === 0,
    })
  })
  return days
}

/** The first `limit` rows across days, for the collapsed timeline. */
export function firstRows(days: readonly TimelineDay[], limit: number): TimelineDay[] {
  const shown: TimelineDay[] = []
  let left = limit
  for (const day of days) {
    if (left <= 0) break
    const rows = day.rows.slice(0, left)
    shown.push({ ...day, rows })
    left -= rows.length
  }
  return shown
}
