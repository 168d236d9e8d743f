// The load generator's own correctness: what it sends is signed the documented way (or forged on
// purpose), and the expectation it keeps is exactly what its valid pushes carried — checked here by
// reading the bodies back, not by trusting its bookkeeping.
import { DEV_KDNIAO } from '../../dev/aggregators'
import { LoadPlan, seededRandom, type PlannedPush } from './loadPlan'
import { expectedParcel, kdniaoDataSign, scanOf, STORY_ACTIONS } from './loadStories'

const NUMBERS = Array.from({ length: 6 }, (_, index) => `YT${9_700_000_000_000 + index}`)

interface Fields {
  RequestData: string
  DataSign?: string
}
const fieldsOf = (body: string): Fields =>
  Object.fromEntries(body.split('&').map((pair) => pair.split('=').map(decodeURIComponent))) as unknown as Fields
const waybillsOf = (body: string) =>
  (JSON.parse(fieldsOf(body).RequestData) as { Data: Array<{ LogisticCode: string; Traces: Array<{ AcceptStation: string }> }> }).Data

function run(pushes: number, seed = 3): { plan: LoadPlan; planned: PlannedPush[] } {
  const plan = new LoadPlan(NUMBERS, DEV_KDNIAO, seededRandom(seed))
  return { plan, planned: Array.from({ length: pushes }, () => plan.next()) }
}

test('DataSign reproduces the documented Kdniao push vector (reference/aggregators.md §1.6)', () => {
  const requestData =
    '{"EBusinessID":"1234567","Count":"1","PushTime":"2025-01-02 10:00:00","Data":[{"EBusinessID":"1234567","ShipperCode":"YTO","LogisticCode":"YT1234567890123","Success":true,"State":"2","StateEx":"201","Location":"深圳市","Traces":[{"AcceptTime":"2025-01-02 09:58:00","AcceptStation":"【深圳市】已到达 深圳转运中心","Location":"深圳市","Action":"201"}]}]}'
  expect(kdniaoDataSign(requestData, '00000000-1111-2222-3333-444444444444')).toBe('ZDNhOWRiM2ZhODZhMWViMzIyODdlY2JhNDU0MGFhNmE=')
})

test('valid pushes verify with the dev key; forged ones carry a wrong or no DataSign', () => {
  const { planned } = run(400)
  for (const push of planned) {
    const fields = fieldsOf(push.body)
    const verifies = fields.DataSign === kdniaoDataSign(fields.RequestData, DEV_KDNIAO.appKey)
    expect([push.kind, verifies]).toEqual([push.kind, push.valid])
  }
  expect(new Set(planned.map((push) => push.kind))).toEqual(new Set(['new', 'duplicate', 'out-of-order', 'forged']))
  expect(planned.some((push) => !push.valid && fieldsOf(push.body).DataSign === undefined)).toBe(true)
})

test('the expectation is the longest snapshot any valid push carried, read back from the bodies', () => {
  const { plan, planned } = run(300)
  const longest = new Map<string, number>()
  for (const push of planned.filter((candidate) => candidate.valid)) {
    for (const waybill of waybillsOf(push.body))
      longest.set(waybill.LogisticCode, Math.max(longest.get(waybill.LogisticCode) ?? 0, waybill.Traces.length))
  }
  expect(NUMBERS.map((_, index) => plan.scansCarried(index))).toEqual(NUMBERS.map((number) => longest.get(number) ?? 0))
  // Six parcels and 300 pushes: every story was told to the end.
  expect(NUMBERS.map((_, index) => plan.scansCarried(index))).toEqual(NUMBERS.map(() => STORY_ACTIONS.length))
})

test('duplicates are byte-identical re-sends; out-of-order pushes are older snapshots in a new body', () => {
  const { planned } = run(300)
  const validBodies = planned.filter((push) => push.valid && push.kind !== 'duplicate').map((push) => push.body)
  for (const push of planned.filter((candidate) => candidate.kind === 'duplicate')) expect(validBodies).toContain(push.body)
  expect(new Set(validBodies).size).toBe(validBodies.length)
})

test('forged pushes carry a scan that no valid push has', () => {
  const { planned } = run(200)
  for (const push of planned.filter((candidate) => !candidate.valid)) {
    expect(waybillsOf(push.body)[0]?.Traces.at(-1)?.AcceptStation).toMatch(/^伪造的签收/)
  }
  for (const push of planned.filter((candidate) => candidate.valid)) {
    expect(
      waybillsOf(push.body)
        .flatMap((waybill) => waybill.Traces.map((trace) => trace.AcceptStation))
        .some((text) => text.startsWith('伪造')),
    ).toBe(false)
  }
})

test('the same seed plans the same run', () => {
  expect(run(50, 9).planned).toEqual(run(50, 9).planned)
})

test.each([
  [0, 'PENDING'],
  [1, 'PICKED_UP'],
  [6, 'IN_TRANSIT'],
  [11, 'OUT_FOR_DELIVERY'],
  [12, 'DELIVERED'],
])('after %d scans the parcel must read %s, events newest first', (scans, status) => {
  const expected = expectedParcel(2, scans)
  expect(expected.status).toBe(status)
  expect(expected.events.map((event) => event.text)).toEqual(Array.from({ length: scans }, (_, index) => scanOf(2, index).text).reverse())
})
