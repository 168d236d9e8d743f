// One parcel on the exceptions board: why it needs a human, how long it has been quiet, and the
// last thing the carrier said. Sorted by the server oldest silence first; the board keeps that order.
import type { ExceptionItem, ExceptionKind } from '@core/api/merchant'
import { carrierInfo } from '@core/carriers/carrierRegistry'
import { statusLabel } from '@core/tracking/labels'
import type { Tone } from '../../components/status-icon/statusAppearance'
import { m } from '../strings'
import { durationText } from './durationText'

export const EXCEPTION_FILTERS = ['all', 'stuck', 'exception', 'delivery_failed', 'returning'] as const
export type ExceptionFilter = (typeof EXCEPTION_FILTERS)[number]

const KIND_TONE: Record<ExceptionKind, Tone> = { stuck: 'warning', exception: 'danger', delivery_failed: 'danger', returning: 'warning' }

export interface ExceptionRow {
  parcelId: string
  orderId: string
  carrierName: string
  trackingNo: string
  kindLabel: string
  tone: Tone
  statusText: string
  ageText: string
  lastEventText: string
  lastEventWhere: string | null
}

export function exceptionRow(item: ExceptionItem): ExceptionRow {
  return {
    parcelId: item.parcelId,
    orderId: item.orderId,
    carrierName: carrierInfo(item.carrier).names['zh-CN'],
    trackingNo: item.trackingNo,
    kindLabel: m.exceptions.kinds[item.kind],
    tone: KIND_TONE[item.kind],
    statusText: statusLabel(item.status),
    ageText: m.exceptions.age(durationText(item.ageMs)),
    lastEventText: item.lastEvent?.text ?? m.exceptions.noEvent,
    lastEventWhere: item.lastEvent?.location ?? null,
  }
}

export function exceptionCounts(items: readonly ExceptionItem[]): Record<ExceptionFilter, number> {
  const counts: Record<ExceptionFilter, number> = { all: items.length, stuck: 0, exception: 0, delivery_failed: 0, returning: 0 }
  for (const item of items) counts[item.kind] += 1
  return counts
}

export function filterExceptions(items: readonly ExceptionItem[], filter: ExceptionFilter): ExceptionItem[] {
  return filter === 'all' ? [...items] : items.filter((item) => item.kind === filter)
}
