// Kdniao's shipment shape, shared by the 1002/8001/8002 answers and every Data[] item of a 101/102
// push (reference/aggregators.md §1.4, §1.6). Traces are ascending ("按照发生的时间升序排列").
// The basic products (1002 query, 101 push) carry no StateEx/Location/Action.
import { KDNIAO_CODES } from './kdniaoCodes'
import { formatBeijingTime } from './shanghaiTime'
import type { TimedEvent } from './stories'

const NO_TRACE_REASON = '暂无轨迹信息'

export interface KdniaoShipmentInput {
  eBusinessId: string
  shipperCode: string
  logisticCode: string
  orderCode?: string
  callback?: string
  events: readonly TimedEvent[]
  /** 增值版 (8001/8002/8008→102): StateEx, Location and per-trace Action. */
  detailed: boolean
}

function renderKdniaoTraces(events: readonly TimedEvent[], detailed: boolean): Array<Record<string, string>> {
  return [...events]
    .sort((a, b) => a.instant - b.instant)
    .map((event) => {
      const trace: Record<string, string> = {
        AcceptTime: formatBeijingTime(event.instant),
        AcceptStation: event.text,
      }
      if (detailed) {
        trace.Location = event.city
        trace.Action = KDNIAO_CODES[event.stage].action
      }
      return trace
    })
}

export function renderKdniaoShipment(input: KdniaoShipmentInput): Record<string, unknown> {
  const latest = [...input.events].sort((a, b) => a.instant - b.instant).pop()
  const codes = latest ? KDNIAO_CODES[latest.stage] : { state: '0', action: '0' }
  const shipment: Record<string, unknown> = {
    EBusinessID: input.eBusinessId,
    OrderCode: input.orderCode ?? '',
    ShipperCode: input.shipperCode,
    LogisticCode: input.logisticCode,
    Success: true,
    Reason: latest ? '' : NO_TRACE_REASON,
    State: codes.state,
  }
  if (input.detailed) {
    shipment.StateEx = codes.action
    shipment.Location = latest?.city ?? ''
  }
  shipment.Traces = renderKdniaoTraces(input.events, input.detailed)
  if (input.callback !== undefined) shipment.Callback = input.callback
  return shipment
}
