import { render } from '@testing-library/react'
import {
  DELIVERED_SCAN,
  fixtureParcel,
  OUT_FOR_DELIVERY_SCAN,
  SCANS_TO_DEST_CITY,
  FAILED_DELIVERY_SCAN,
} from '../../testing/trackingFixtures'
import { StatusHeader } from './StatusHeader'
import { statusHeaderView } from './statusHeaderView'

const SH = 'Asia/Shanghai'
const NOW = Date.parse('2026-03-01T02:00:00Z')

function renderFor(scans: typeof SCANS_TO_DEST_CITY, etaInHours?: number) {
  const parcel = fixtureParcel(NOW, { orderId: 'o1', scans, etaInHours })
  return render(<StatusHeader view={statusHeaderView(parcel, NOW, SH)} />).container
}

describe('StatusHeader', () => {
  it('in transit: status, sub-status, latest event, freshness and ETA', () => {
    const container = renderFor(SCANS_TO_DEST_CITY, 20)
    expect(container.querySelector('.ps-status-header--progress')).not.toBeNull()
    expect(container.querySelector('.ps-status-header__title')?.textContent).toBe('运输中')
    expect(container.querySelector('.ps-status-header__detail')?.textContent).toBe('到达派件城市')
    expect(container.querySelector('.ps-status-header__eta')?.textContent).toBe('预计明天送达')
    expect(container.querySelector('.ps-status-header__updated')?.textContent).toBe('3小时前更新')
    expect(container.querySelector('.ps-status-header__latest-text')?.textContent).toBe('快件到达【上海徐汇营业部】')
    expect(container.querySelector('[data-icon="truck"]')).not.toBeNull()
  })

  it('delivered: success tone, no ETA', () => {
    const container = renderFor([...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN, DELIVERED_SCAN], 2)
    expect(container.querySelector('.ps-status-header--success')).not.toBeNull()
    expect(container.querySelector('.ps-status-header__title')?.textContent).toBe('已签收')
    expect(container.querySelector('.ps-status-header__eta')).toBeNull()
    expect(container.querySelector('[data-icon="check"]')).not.toBeNull()
  })

  it('failed delivery: danger tone with the alert icon', () => {
    const container = renderFor([...SCANS_TO_DEST_CITY, FAILED_DELIVERY_SCAN])
    expect(container.querySelector('.ps-status-header--danger')).not.toBeNull()
    expect(container.querySelector('.ps-status-header__title')?.textContent).toBe('派送失败')
    expect(container.querySelector('.ps-status-header__latest-text')?.textContent).toContain('138****8000')
  })

  it('shipped without scans: says so, with no latest line', () => {
    const container = renderFor([])
    expect(container.querySelector('.ps-status-header__title')?.textContent).toBe('已发货，等待快递揽收')
    expect(container.querySelector('.ps-status-header__latest')).toBeNull()
    expect(container.querySelector('.ps-status-header__updated')).toBeNull()
  })
})
