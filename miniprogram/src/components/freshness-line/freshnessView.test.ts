import { freshnessView } from './freshnessView'

const SH = 'Asia/Shanghai'
const NOW = Date.parse('2026-03-01T02:00:00Z')
const MIN = 60_000

describe('freshnessView', () => {
  it('names the last scan and the last check separately', () => {
    const view = freshnessView({ lastEventAt: NOW - 125 * MIN, lastCheckedAt: NOW - 5 * MIN }, { kind: 'live' }, NOW, SH)
    expect(view).toEqual({ lastScan: '最近扫描 2小时前', lastChecked: '最近查询 5分钟前', live: { text: '实时更新中', tone: 'ok' } })
  })

  it('says so when nothing was scanned or checked yet', () => {
    const view = freshnessView({ lastEventAt: null, lastCheckedAt: null }, { kind: 'connecting' }, NOW, SH)
    expect(view.lastScan).toBeNull()
    expect(view.lastChecked).toBe('尚未查询到物流信息')
    expect(view.live).toEqual({ text: '正在连接实时更新…', tone: 'pending' })
  })

  it.each([
    [{ kind: 'reconnecting' as const, attempt: 2, retryAt: NOW + 3_200 }, '实时更新已断开，正在重连（第2次）'],
    [{ kind: 'offline' as const }, '实时更新已断开，下拉可刷新'],
  ])('shows a broken live connection (%o)', (live, text) => {
    expect(freshnessView({ lastEventAt: NOW, lastCheckedAt: NOW }, live, NOW, SH).live).toEqual({ text, tone: 'broken' })
  })
})
