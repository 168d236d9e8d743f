import { fireEvent, render, screen } from '@testing-library/react'
import { fixtureEvents, OUT_FOR_DELIVERY_SCAN, SCANS_TO_DEST_CITY } from '../../testing/trackingFixtures'
import { Timeline, COLLAPSED_ROWS } from './Timeline'
import { firstRows, groupEventsByDay } from './timelineView'

const SH = 'Asia/Shanghai'
const NOW = Date.parse('2026-03-01T02:00:00Z')
const labels = { emptyText: '暂无物流轨迹', showAllText: '查看全部 7 条物流信息', collapseText: '收起' }

describe('Timeline', () => {
  const days = groupEventsByDay(fixtureEvents(NOW, [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN]), NOW, SH)

  it('renders every scan newest first under day headings, highlighting the latest', () => {
    const { container } = render(<Timeline days={days} total={7} shown={7} {...labels} />)
    // The DOM is oldest first (a live scan is an append); CSS column-reverse shows it newest first.
    expect(
      Array.from(container.querySelectorAll('.ps-timeline__day-label'))
        .map((node) => node.textContent)
        .reverse(),
    ).toEqual(['今天', '昨天'])
    const texts = Array.from(container.querySelectorAll('.ps-timeline__text'))
      .map((node) => node.textContent)
      .reverse()
    expect(texts[0]).toBe(OUT_FOR_DELIVERY_SCAN.text)
    expect(texts).toHaveLength(7)
    const latest = container.querySelectorAll('.ps-timeline__row--latest')
    expect(latest).toHaveLength(1)
    expect(latest[0]?.textContent).toContain('派送中')
    expect(latest[0]?.textContent).toContain('09:20')
    expect(latest[0]?.textContent).toContain('上海市')
  })

  it('takes the status tone for the newest scan', () => {
    const { container } = render(<Timeline days={days} total={7} shown={7} tone='success' {...labels} />)
    expect(container.querySelector('.ps-timeline--success .ps-timeline__row--latest')).not.toBeNull()
  })

  it('offers "show all" while collapsed and calls back', () => {
    const onToggle = jest.fn()
    const { container } = render(
      <Timeline days={firstRows(days, COLLAPSED_ROWS)} total={7} shown={COLLAPSED_ROWS} onToggle={onToggle} {...labels} />,
    )
    expect(container.querySelectorAll('.ps-timeline__row')).toHaveLength(COLLAPSED_ROWS)
    fireEvent.click(screen.getByText('查看全部 7 条物流信息'))
    expect(onToggle).toHaveBeenCalledTimes(1)
  })

  it('offers "collapse" when expanded past the collapsed length', () => {
    render(<Timeline days={days} total={7} shown={7} expanded onToggle={() => undefined} {...labels} />)
    expect(screen.getByText('收起')).toBeTruthy()
    expect(screen.queryByText('查看全部 7 条物流信息')).toBeNull()
  })

  it('offers neither link when everything fits without expanding', () => {
    render(<Timeline days={days} total={7} shown={7} onToggle={() => undefined} {...labels} />)
    expect(screen.queryByText('收起')).toBeNull()
    expect(screen.queryByText('查看全部 7 条物流信息')).toBeNull()
  })

  it('says there is nothing yet for a parcel without scans', () => {
    const { container } = render(<Timeline days={[]} total={0} shown={0} {...labels} />)
    expect(container.textContent).toBe('暂无物流轨迹')
    expect(container.querySelector('.ps-timeline__row')).toBeNull()
  })
})
