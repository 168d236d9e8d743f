import type { UnifiedStatus } from '../tracking'
import { attentionKind, STUCK_AFTER_MS } from './parcelAttention'

const now = 1_000 * 60 * 60 * 1000
const parcel = (status: UnifiedStatus, lastEventAt: number | null, terminal = false) => ({
  status,
  terminal,
  lastEventAt,
  shippedAt: now - 100 * 3600_000,
})

describe('parcels that need attention', () => {
  it.each<[string, ReturnType<typeof parcel>, string | null]>([
    ['an exception', parcel('EXCEPTION', now - 1000), 'exception'],
    ['a failed delivery', parcel('DELIVERY_FAILED', now - 1000), 'delivery_failed'],
    ['returning', parcel('RETURNING', now - 1000), 'returning'],
    ['in transit, scanned recently', parcel('IN_TRANSIT', now - STUCK_AFTER_MS), null],
    ['in transit, silent past 48 h', parcel('IN_TRANSIT', now - STUCK_AFTER_MS - 1), 'stuck'],
    ['never scanned, shipped 100 h ago', parcel('PENDING', null), 'stuck'],
    ['delivered long ago', parcel('DELIVERED', now - 10 * STUCK_AFTER_MS, true), null],
  ])('%s', (_case, input, kind) => {
    expect(attentionKind(input, now)).toBe(kind)
  })
})
