import { etaView, routeView } from './orderViews'

describe('reading route and ETA leniently', () => {
  it.each([
    [
      'our range, ISO instants (issue 14)',
      { eta: { earliest: '2026-11-22T00:00:00.000Z', latest: '2026-11-23T00:00:00.000Z', likely: 'x' } },
      { kind: 'range', earliest: Date.parse('2026-11-22T00:00:00.000Z'), latest: Date.parse('2026-11-23T00:00:00.000Z') },
    ],
    [
      'our range wins over the vendor claim',
      { eta: { earliest: 1, latest: 2 }, vendorEta: { at: 5 } },
      { kind: 'range', earliest: 1, latest: 2 },
    ],
    ['the vendor claim in vendorEta', { eta: null, vendorEta: { at: 5 } }, { kind: 'vendor', at: 5 }],
    ['the old vendor claim stored as eta', { eta: { at: 7, localTime: '…' } }, { kind: 'vendor', at: 7 }],
    ['an inverted range is not guessed at', { eta: { earliest: 9, latest: 2 } }, null],
    ['nothing', {}, null],
  ])('%s', (_label, doc, expected) => expect(etaView(doc)).toEqual(expected))

  it('takes city names from route points and skips malformed ones', () => {
    expect(
      routeView({
        route: {
          travelled: [{ name: '杭州市', lat: 1, lng: 2 }, { lat: 1 }, 'x'],
          current: { name: '上海市' },
          remaining: [{ name: '北京市' }],
        },
      }),
    ).toEqual({ travelled: ['杭州市'], current: '上海市', remaining: ['北京市'] })
    expect(routeView({ route: null })).toBeNull()
    expect(routeView({ route: { travelled: 'no' } })).toEqual({ travelled: [], current: null, remaining: [] })
  })
})
