import { fireEvent, render, screen } from '@testing-library/react'
import { exceptionItems } from '../../testing/merchantFixtures'
import { exceptionRow } from '../../views/exceptionView'
import { ExceptionCard } from './ExceptionCard'
import { nth } from '../../../../../test/support/nth'

const NOW = Date.parse('2026-03-01T02:00:00Z')

describe('ExceptionCard', () => {
  it('says why, for how long, what the carrier last said, and offers the two actions', () => {
    const onRefresh = jest.fn()
    const onOpenOrder = jest.fn()
    const { container } = render(
      <ExceptionCard row={exceptionRow(nth(exceptionItems(NOW), 0))} refreshing={false} onRefresh={onRefresh} onOpenOrder={onOpenOrder} />,
    )
    expect(container.textContent).toContain('超48小时无更新3天无新动态中通快递78912345678901运输中')
    expect(container.textContent).toContain('快件已发往【杭州转运中心】金华市')
    fireEvent.click(screen.getByText('立即查询'))
    fireEvent.click(screen.getByText('查看订单'))
    expect(onRefresh).toHaveBeenCalledTimes(1)
    expect(onOpenOrder).toHaveBeenCalledTimes(1)
  })

  it('shows the query in flight and blocks a second one', () => {
    render(<ExceptionCard row={exceptionRow(nth(exceptionItems(NOW), 1))} refreshing onRefresh={jest.fn()} onOpenOrder={jest.fn()} />)
    expect((screen.getByText('查询中…') as HTMLButtonElement).disabled).toBe(true)
  })
})
