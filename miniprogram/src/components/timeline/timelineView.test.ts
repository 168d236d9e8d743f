import { fixtureEvents, SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN } from '../../testing/trackingFixtures'
import { firstRows, groupEventsByDay } from './timelineView'
import { nth } from '../../../../test/support/nth'

const SH = 'Asia/Shanghai'
// 2026-03-01 10:00 in Shanghai
const NOW = Date.parse('2026-03-01T02:00:00Z')

describe('groupEventsByDay', () => {
  const events = fixtureEvents(NOW, [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN])

  it('groups newest first by the local day, with readable day labels', () => {
    const days = groupEventsByDay(events, NOW, SH)
    expect(days.map((day) => [day.label, day.rows.length])).toEqual([
      ['今天', 2],
      ['昨天', 5],
    ])
    expect(days.map((day) => day.rows.map((row) => row.time))).toEqual([
      ['09:20', '07:00'],
      ['22:00', '19:00', '12:00', '11:00', '08:00'],
    ])
  })

  it('highlights only the newest scan', () => {
    const rows = groupEventsByDay(events, NOW, SH).flatMap((day) => day.rows)
    expect(rows.filter((row) => row.latest).map((row) => row.text)).toEqual([OUT_FOR_DELIVERY_SCAN.text])
  })

  it('names the status where it changes, not on every row', () => {
    const rows = groupEventsByDay(events, NOW, SH).flatMap((day) => day.rows)
    expect(rows.map((row) => row.milestone)).toEqual(['派送中', '运输中', null, null, null, null, '已揽收'])
  })

  it('sorts a doc whose events arrived out of order', () => {
    const shuffled = [3, 0, 6, 1, 5, 2, 4].map((index) => nth(events, index))
    expect(groupEventsByDay(shuffled, NOW, SH)).toEqual(groupEventsByDay(events, NOW, SH))
  })

  it('is empty for a parcel with no scans', () => {
    expect(groupEventsByDay([], NOW, SH)).toEqual([])
  })

  it('uses the shopper zone for day boundaries', () => {
    const london = groupEventsByDay(events, NOW, 'Europe/London')
    expect(london.map((day) => day.rows.length)).toEqual([1, 6])
  })
})

describe('firstRows', () => {
  const days = groupEventsByDay(fixtureEvents(NOW, [...SCANS_TO_DEST_CITY, OUT_FOR_DELIVERY_SCAN]), NOW, SH)

  it.each([
    [1, [1]],
    [2, [2]],
    [4, [2, 2]],
    [99, [2, 5]],
  ])('keeps the first %i rows across days', (limit, lengths) => {
    expect(firstRows(days, limit).map((day) => day.rows.length)).toEqual(lengths)
  })
})
