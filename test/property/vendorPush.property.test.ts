// End to end through the wire formats: a vendor may list a waybill's traces in any order (Kdniao
// ascending, Kuaidi100 newest first, a published Kdniao sample out of order) and repeat them; the
// parcel must not notice.
import fc from 'fast-check'
import { encodeForm } from '../../core/aggregators/formBody'
import { kdniaoDataSign } from '../../core/aggregators/kdniao/kdniaoDataSign'
import { readKdniaoPush } from '../../core/aggregators/kdniao/kdniaoPush'
import { readKuaidi100Push } from '../../core/aggregators/kuaidi100/kuaidi100Push'
import { kuaidi100CallbackSign } from '../../core/aggregators/kuaidi100/kuaidi100Sign'
import { emptyTracking, mergeSnapshot, type ParcelTracking } from '../../core/tracking/parcelTracking'
import { nodeDigests } from '../../server/platform/digests'
import { nth } from '../support/nth'

const APP_KEY = '00000000-1111-2222-3333-444444444444'
const SALT = 's3cr3t'
const RUNS = { numRuns: 200 }

const traceArb = fc.record({
  minute: fc.integer({ min: 0, max: 20 }),
  text: fc.constantFrom('已揽收', '【深圳市】已到达 深圳转运中心', '派件员 王某 138****5678 正在派件', '已签收', '快件已放入快递柜'),
  code: fc.constantFrom('1', '204', '202', '211', '3', '402'),
})
type Trace = typeof traceArb extends fc.Arbitrary<infer T> ? T : never

const time = (minute: number) => `2025-01-02 10:${String(minute).padStart(2, '0')}:00`

function kdniaoState(traces: Trace[]): ParcelTracking {
  const requestData = JSON.stringify({
    EBusinessID: '1234567',
    Count: '1',
    Data: [
      {
        ShipperCode: 'YTO',
        LogisticCode: 'YT1234567890123',
        Success: true,
        State: '2',
        Traces: traces.map((trace) => ({ AcceptTime: time(trace.minute), AcceptStation: trace.text, Action: trace.code })),
      },
    ],
  })
  const read = readKdniaoPush(
    encodeForm([
      ['RequestData', requestData],
      ['RequestType', '102'],
      ['DataSign', kdniaoDataSign(requestData, APP_KEY, nodeDigests)],
    ]),
    APP_KEY,
    nodeDigests,
  )
  const waybill = read.ok && read.tracking ? read.push.waybills[0] : undefined
  if (!waybill || !waybill.ok) throw new Error('push must parse')
  return mergeSnapshot(emptyTracking(), waybill.snapshot)
}

function kuaidi100State(traces: Trace[]): ParcelTracking {
  const param = JSON.stringify({
    status: 'polling',
    message: '',
    lastResult: {
      message: 'ok',
      state: '0',
      status: '200',
      com: 'yuantong',
      nu: 'YT1234567890123',
      data: traces.map((trace) => ({ time: time(trace.minute), ftime: time(trace.minute), context: trace.text })),
    },
  })
  const read = readKuaidi100Push(
    encodeForm([
      ['param', param],
      ['sign', kuaidi100CallbackSign(param, SALT, nodeDigests)],
    ]),
    SALT,
    nodeDigests,
  )
  if (!read.ok || !read.push.waybill.ok) throw new Error('push must parse')
  return mergeSnapshot(emptyTracking(), read.push.waybill.snapshot)
}

const reorderedArb = fc.array(traceArb, { minLength: 1, maxLength: 12 }).chain((traces) =>
  fc
    .array(fc.nat({ max: traces.length - 1 }), { maxLength: 5 })
    .chain((repeats) =>
      fc.shuffledSubarray([...traces, ...repeats.map((index) => nth(traces, index))], { minLength: traces.length + repeats.length }),
    )
    .map((reordered) => ({ traces, reordered })),
)

describe.each([
  ['Kdniao', kdniaoState],
  ['Kuaidi100', kuaidi100State],
])('%s push', (_vendor, stateOf) => {
  it('gives the same parcel whatever the trace order and repetition', () => {
    fc.assert(
      fc.property(reorderedArb, ({ traces, reordered }) => {
        expect(stateOf(reordered)).toEqual(stateOf(traces))
      }),
      RUNS,
    )
  })
})
