import { carrierInfo } from '@core/carriers/carrierRegistry'
import { performanceResult } from '../testing/merchantFixtures'
import { performanceRows } from './performanceView'

const carriers = () =>
  performanceRows(performanceResult().byCarrier.map((row) => ({ ...row, key: row.carrier, name: carrierInfo(row.carrier).names['zh-CN'] })))

describe('performanceRows', () => {
  it('scales every bar to the slowest p90 of the table', () => {
    const rows = carriers()
    expect(rows.map((row) => [row.key, row.medianPct, row.p90Pct])).toEqual([
      ['ZTO', 53.8, 90.5],
      ['YTO', 58, 100],
      ['SF', 30.4, 47.2],
      ['JD', 25.5, 35.3],
      ['JTSD', 0, 0],
    ])
  })

  it('writes times in hours under two days and in days beyond, and says when nothing was delivered', () => {
    expect(carriers().map((row) => [row.medianText, row.p90Text])).toEqual([
      ['46.5小时', '3.3天'],
      ['2.1天', '3.6天'],
      ['26.3小时', '40.8小时'],
      ['22小时', '30.5小时'],
      ['暂无签收', '暂无签收'],
    ])
  })

  it('tones the exception rate: under 1 % good, 3 % and over bad', () => {
    expect(carriers().map((row) => [row.exceptionText, row.exceptionTone])).toEqual([
      ['2.4%', 'warning'],
      ['3.1%', 'danger'],
      ['0.6%', 'success'],
      ['0%', 'success'],
      ['8.3%', 'danger'],
    ])
  })

  it('draws no bars for an empty table', () => {
    expect(performanceRows([])).toEqual([])
    expect(
      performanceRows([{ key: 'x', name: 'x', parcels: 1, delivered: 0, medianHours: null, p90Hours: null, exceptionRate: null }])[0],
    ).toMatchObject({ medianPct: 0, p90Pct: 0, exceptionText: '—', exceptionTone: 'muted' })
  })
})
