// The answer at a glance: what state the parcel is in, in plain words, what last happened, how
// fresh that is, and when it should arrive.
import type { ParcelDoc } from '@core/api'
import { statusLabel, subStatusLabel } from '@core/tracking/labels'
import { formatClock, formatDay, relativeTime } from '../../format/time'
import { t } from '../../i18n/zh-CN'
import { STATUS_APPEARANCE, type IconName, type Tone } from '../status-icon/statusAppearance'

export interface StatusHeaderView {
  tone: Tone
  icon: IconName
  title: string
  /** The sub-status in words (到达派件城市, 本人签收), when there is one. */
  detail: string | null
  latestText: string | null
  /** 今天 09:20 */
  latestTime: string | null
  /** 3分钟前更新 */
  updated: string | null
  /** 预计明天送达 */
  eta: string | null
}

type HeaderParcel = Pick<ParcelDoc, 'status' | 'subStatus' | 'events' | 'vendorEta' | 'terminal' | 'lastEventAt'>

export function statusHeaderView(parcel: HeaderParcel, now: number, zone: string): StatusHeaderView {
  const latest = parcel.events[0]
  if (!latest) {
    return {
      tone: 'muted',
      icon: 'box',
      title: t.tracking.noScansTitle,
      detail: null,
      latestText: null,
      latestTime: null,
      updated: null,
      eta: etaText(parcel, now, zone),
    }
  }
  const { tone, icon } = STATUS_APPEARANCE[parcel.status]
  const lastAt = parcel.lastEventAt ?? latest.at
  return {
    tone,
    icon,
    title: statusLabel(parcel.status),
    detail: parcel.subStatus ? subStatusLabel(parcel.subStatus) : null,
    latestText: latest.text,
    latestTime: `${formatDay(latest.at, now, zone)} ${formatClock(latest.at, zone)}`,
    updated: t.tracking.updatedAgo(relativeTime(lastAt, now, zone)),
    eta: etaText(parcel, now, zone),
  }
}

// An estimate already in the past would be a broken promise on screen; a delivered parcel needs none.
function etaText(parcel: HeaderParcel, now: number, zone: string): string | null {
  if (!parcel.vendorEta || parcel.terminal) return null
  if (parcel.vendorEta.at < now && formatDay(parcel.vendorEta.at, now, zone) !== t.time.today) return null
  return t.tracking.eta(formatDay(parcel.vendorEta.at, now, zone))
}
