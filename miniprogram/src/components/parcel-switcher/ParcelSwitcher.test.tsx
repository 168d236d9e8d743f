import { fireEvent, render } from '@testing-library/react'
import { DELIVERED_SCAN, fixtureOrder, fixtureParcel, SCANS_TO_DEST_CITY } from '../../testing/trackingFixtures'
import { ParcelSwitcher } from './ParcelSwitcher'
import { parcelTabs } from './parcelTabs'

const NOW = Date.parse('2026-03-01T02:00:00Z')
const first = fixtureParcel(NOW, {
  orderId: 'o1',
  seq: 1,
  scans: [...SCANS_TO_DEST_CITY, DELIVERED_SCAN],
  items: [{ productId: 'prod-longjing-tea', title: '明前龙井 250g', quantity: 1 }],
})
const second = fixtureParcel(NOW, {
  orderId: 'o1',
  seq: 2,
  scans: SCANS_TO_DEST_CITY,
  items: [{ productId: 'prod-ceramic-mug', title: '景德镇手绘马克杯', quantity: 2 }],
})
const order = fixtureOrder(NOW, 'o1', [first, second])

describe('ParcelSwitcher', () => {
  it("shows one tab per parcel with its status, and the selected parcel's items", () => {
    const { container } = render(
      <ParcelSwitcher tabs={parcelTabs(order, [first, second])} selectedId={second._id} onSelect={() => undefined} />,
    )
    const tabs = Array.from(container.querySelectorAll('.ps-parcel-switcher__tab'))
    expect(tabs.map((tab) => tab.textContent)).toEqual(['包裹1已签收', '包裹2运输中'])
    expect(container.querySelector('.ps-parcel-switcher__tab--active')?.textContent).toContain('包裹2')
    expect(container.querySelector('.ps-parcel-switcher__items')?.textContent).toBe('景×2景德镇手绘马克杯共2件商品')
  })

  it('reports the tapped parcel', () => {
    const onSelect = jest.fn()
    const { container } = render(<ParcelSwitcher tabs={parcelTabs(order, [first, second])} selectedId={first._id} onSelect={onSelect} />)
    fireEvent.click(container.querySelector(`[data-parcel-id="${second._id}"]`) as Element)
    expect(onSelect).toHaveBeenCalledWith(second._id)
  })

  it('shows no tabs for a single parcel, only its items', () => {
    const { container } = render(<ParcelSwitcher tabs={parcelTabs(order, [first])} selectedId={first._id} onSelect={() => undefined} />)
    expect(container.querySelector('.ps-parcel-switcher__tabs')).toBeNull()
    expect(container.textContent).toContain('共1件商品')
  })

  it('falls back to the first parcel when the selected one is gone', () => {
    const { container } = render(
      <ParcelSwitcher tabs={parcelTabs(order, [first, second])} selectedId='SF:GONE' onSelect={() => undefined} />,
    )
    expect(container.querySelector('.ps-parcel-switcher__tab--active')?.textContent).toContain('包裹1')
  })
})
