import { UNIFIED_STATUSES } from '@core/tracking/statuses'
import { STATUS_APPEARANCE } from './statusAppearance'

describe('STATUS_APPEARANCE', () => {
  it('covers every unified status', () => {
    expect(Object.keys(STATUS_APPEARANCE).sort()).toEqual([...UNIFIED_STATUSES].sort())
  })

  it.each([
    ['DELIVERED', 'success'],
    ['DELIVERY_FAILED', 'danger'],
    ['EXCEPTION', 'danger'],
    ['IN_TRANSIT', 'progress'],
    ['RETURNING', 'warning'],
  ] as const)('%s reads as %s', (status, tone) => {
    expect(STATUS_APPEARANCE[status].tone).toBe(tone)
  })
})
