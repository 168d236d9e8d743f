import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { FIXTURE_COURIER_PHONE, fixtureParcel, OUT_FOR_DELIVERY_SCAN, SCANS_TO_DEST_CITY } from '../../testing/trackingFixtures'
import { CarrierCard } from './CarrierCard'
import { carrierView } from './carrierView'

const NOW = Date.parse('2026-03-01T02:00:00Z')
const labels = { carrier: '承运快递', trackingNo: '运单号', copy: '复制' }

describe('CarrierCard', () => {
  beforeEach(() => jest.clearAllMocks())

  it('copies the tracking number', () => {
    render(
      <CarrierCard
        view={carrierView(fixtureParcel(NOW, { orderId: 'o1', trackingNo: 'SF1400000000001', scans: SCANS_TO_DEST_CITY }))}
        labels={labels}
      />,
    )
    fireEvent.click(screen.getByText('复制'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'SF1400000000001' })
  })

  it('shows the courier masked and dials the real number', () => {
    const { container } = render(
      <CarrierCard
        view={carrierView(fixtureParcel(NOW, { orderId: 'o1', scans: [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN] }))}
        labels={labels}
      />,
    )
    expect(container.textContent).toContain('138****8000')
    expect(container.textContent).not.toContain(FIXTURE_COURIER_PHONE)
    fireEvent.click(screen.getByText('联系快递员'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: FIXTURE_COURIER_PHONE })
  })

  it('offers no call without a courier phone', () => {
    const { container } = render(
      <CarrierCard view={carrierView(fixtureParcel(NOW, { orderId: 'o1', scans: SCANS_TO_DEST_CITY }))} labels={labels} />,
    )
    expect(container.querySelector('.ps-carrier-card__contact')).toBeNull()
  })
})
