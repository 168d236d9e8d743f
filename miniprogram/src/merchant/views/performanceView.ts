// Carrier performance as rows with CSS bars (no chart library in the bundle): median and p90
// delivery time on one scale per table — the slowest p90 fills the track — plus the exception rate.
import type { DeliveryFigures } from '@core/api/merchant'
import { m } from '../strings'
import { hoursText } from './durationText'

export interface PerformanceRow {
  key: string
  name: string
  parcelsText: string
  deliveredText: string
  medianText: string
  p90Text: string
  /** Bar widths, percent of the table's longest p90 (0 when nothing was delivered). */
  medianPct: number
  p90Pct: number
  exceptionText: string
  exceptionTone: 'success' | 'warning' | 'danger' | 'muted'
}

/** 3 % is where a merchant starts asking the carrier questions; 1 % is a good month. */
const RATE_WARNING = 0.01
const RATE_DANGER = 0.03

const percent = (rate: number) => m.performance.percent(Math.round(rate * 1000) / 10)

export function performanceRows(groups: ReadonlyArray<DeliveryFigures & { key: string; name: string }>): PerformanceRow[] {
  const longest = Math.max(0, ...groups.map((group) => group.p90Hours ?? 0))
  const share = (hours: number | null) => (hours === null || longest === 0 ? 0 : Math.round((hours / longest) * 1000) / 10)
  return groups.map((group) => ({
    key: group.key,
    name: group.name,
    parcelsText: String(group.parcels),
    deliveredText: String(group.delivered),
    medianText: group.medianHours === null ? m.performance.noDelivered : hoursText(group.medianHours),
    p90Text: group.p90Hours === null ? m.performance.noDelivered : hoursText(group.p90Hours),
    medianPct: share(group.medianHours),
    p90Pct: share(group.p90Hours),
    exceptionText: group.exceptionRate === null ? '—' : percent(group.exceptionRate),
    exceptionTone:
      group.exceptionRate === null
        ? 'muted'
        : group.exceptionRate >= RATE_DANGER
          ? 'danger'
          : group.exceptionRate >= RATE_WARNING
            ? 'warning'
            : 'success',
  }))
}
