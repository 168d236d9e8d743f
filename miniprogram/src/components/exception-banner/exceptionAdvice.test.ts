import type { UnifiedStatus } from '@core/tracking/statuses'
import type { SubStatus } from '@core/tracking/subStatuses'
import { exceptionAdvice, STUCK_AFTER_MS } from './exceptionAdvice'

const NOW = Date.parse('2026-03-01T02:00:00Z')
const HOUR = 3_600_000

function parcel(status: UnifiedStatus, subStatus: SubStatus | null = null, hoursSinceScan = 1, terminal = false) {
  return { status, subStatus, terminal, lastEventAt: NOW - hoursSinceScan * HOUR, shippedAt: NOW - 100 * HOUR }
}

describe('exceptionAdvice', () => {
  it.each([
    ['failed delivery', parcel('DELIVERY_FAILED'), 'DELIVERY_FAILED', '派送未成功'],
    ['failed: recipient unreachable', parcel('DELIVERY_FAILED', 'UNREACHABLE'), 'UNREACHABLE', '快递员联系不上你'],
    ['refused', parcel('EXCEPTION', 'REFUSED'), 'REFUSED', '包裹已被拒收'],
    ['returning after a refusal', parcel('RETURNING', 'REFUSED'), 'REFUSED', '包裹已被拒收'],
    ['returning', parcel('RETURNING'), 'RETURNING', '包裹正在退回商家'],
    ['returned', parcel('RETURNED', null, 1, true), 'RETURNED', '包裹已退回商家'],
    ['locker timeout', parcel('EXCEPTION', 'LOCKER_TIMEOUT'), 'LOCKER_TIMEOUT', '包裹在驿站/快递柜超时未取'],
    ['vendor says no update', parcel('EXCEPTION', 'TIMEOUT_NO_UPDATE'), 'STUCK', '物流长时间没有更新'],
    ['address problem', parcel('EXCEPTION', 'ADDRESS_PROBLEM'), 'ADDRESS_PROBLEM', '收货地址有问题'],
    ['a generic exception', parcel('EXCEPTION', 'HELD'), 'EXCEPTION', '包裹运输异常'],
    ['tracking expired', parcel('EXPIRED', null, 24 * 70, true), 'EXPIRED', '快递公司已停止更新'],
    ['cancelled', parcel('CANCELLED', null, 1, true), 'CANCELLED', '运单已取消'],
    ['stuck in transit for 3 days', parcel('IN_TRANSIT', null, 72), 'STUCK', '物流长时间没有更新'],
  ])('%s', (_case, input, kind, title) => {
    const advice = exceptionAdvice(input, NOW)
    expect(advice).toMatchObject({ kind, title })
    expect(advice?.body.length).toBeGreaterThan(8)
  })

  it.each([
    ['moving normally', parcel('IN_TRANSIT', null, 5)],
    ['just under the stuck threshold', { ...parcel('IN_TRANSIT'), lastEventAt: NOW - STUCK_AFTER_MS + 1 }],
    ['delivered long ago', parcel('DELIVERED', 'SIGNED_SELF', 24 * 30, true)],
    ['waiting in a locker for days', parcel('AWAITING_PICKUP', 'LOCKER', 72)],
  ])('no banner when %s', (_case, input) => {
    expect(exceptionAdvice(input, NOW)).toBeNull()
  })

  it('counts a parcel never scanned since shipment as stuck after 48 h', () => {
    expect(
      exceptionAdvice({ status: 'PENDING', subStatus: null, terminal: false, lastEventAt: null, shippedAt: NOW - 50 * HOUR }, NOW)?.kind,
    ).toBe('STUCK')
    expect(
      exceptionAdvice({ status: 'PENDING', subStatus: null, terminal: false, lastEventAt: null, shippedAt: NOW - 5 * HOUR }, NOW),
    ).toBeNull()
  })
})
