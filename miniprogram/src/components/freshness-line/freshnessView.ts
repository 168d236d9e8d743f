// Staleness shown to the shopper (anchors.md A.4 §1: nobody shows "last scan … · last checked …"
// together): when the courier last scanned, when we last asked the vendor, and whether the page is
// receiving live changes right now. Never silently stale.
import type { ParcelDoc } from '@core/api'
import { relativeTime } from '../../format/time'
import { t } from '../../i18n/zh-CN'
import type { LiveState } from '../../tracking/liveState'

export interface FreshnessView {
  lastScan: string | null
  lastChecked: string
  live: { text: string; tone: 'ok' | 'pending' | 'broken' }
}

type FreshParcel = Pick<ParcelDoc, 'lastEventAt' | 'lastCheckedAt'>

export function liveText(live: LiveState): FreshnessView['live'] {
  switch (live.kind) {
    case 'live':
      return { text: t.tracking.live, tone: 'ok' }
    case 'connecting':
      return { text: t.tracking.connecting, tone: 'pending' }
    case 'reconnecting':
      return { text: t.tracking.reconnecting(live.attempt), tone: 'broken' }
    case 'offline':
      return { text: t.tracking.offline, tone: 'broken' }
  }
}

export function freshnessView(parcel: FreshParcel, live: LiveState, now: number, zone: string): FreshnessView {
  return {
    lastScan: parcel.lastEventAt === null ? null : t.tracking.lastScan(relativeTime(parcel.lastEventAt, now, zone)),
    lastChecked:
      parcel.lastCheckedAt === null ? t.tracking.neverChecked : t.tracking.lastChecked(relativeTime(parcel.lastCheckedAt, now, zone)),
    live: liveText(live),
  }
}
