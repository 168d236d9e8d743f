// Kuaidi100's result shape (query answer and push `lastResult`) and push `param`
// (reference/aggregators.md §2.3, §2.5). Everything numeric is a string, as the vendor sends it.
// `data` is newest first unless the query asked for `order: asc`.
import { KUAIDI100_CODES, KUAIDI100_SIGNED_STATES } from './kuaidi100Codes'
import { formatBeijingTime } from './shanghaiTime'
import type { TimedEvent } from './stories'

export interface Kuaidi100ResultInput {
  com: string
  nu: string
  events: readonly TimedEvent[]
  order?: 'asc' | 'desc'
  /** resultv2 ≥ 1 adds the parsed area (`areaName`) and the status name per trace. */
  resultv2?: string
}

export function renderKuaidi100Result(input: Kuaidi100ResultInput): Record<string, unknown> {
  const ascending = [...input.events].sort((a, b) => a.instant - b.instant)
  const ordered = input.order === 'asc' ? ascending : [...ascending].reverse()
  const withArea = Number(input.resultv2 ?? '0') >= 1
  const latest = ascending[ascending.length - 1]
  const state = latest ? KUAIDI100_CODES[latest.stage].state : '0'
  return {
    message: 'ok',
    nu: input.nu,
    ischeck: KUAIDI100_SIGNED_STATES.has(state) ? '1' : '0',
    condition: 'F00',
    com: input.com,
    status: '200',
    state,
    data: ordered.map((event) => {
      const codes = KUAIDI100_CODES[event.stage]
      const time = formatBeijingTime(event.instant)
      const item: Record<string, string> = { context: event.text, time, ftime: time, statusCode: codes.statusCode }
      if (withArea) {
        item.areaName = `${event.province},${event.city}`
        item.status = codes.status
      }
      return item
    }),
  }
}

export type Kuaidi100PushStatus = 'polling' | 'shutdown' | 'abort' | 'updateall'

export interface Kuaidi100PushInput {
  status: Kuaidi100PushStatus
  message?: string
  autoCheck?: '0' | '1'
  comOld?: string
  comNew?: string
  lastResult: Record<string, unknown>
}

/** The push `param` object, keys in the order of the vendor's own samples. */
export function renderKuaidi100PushParam(input: Kuaidi100PushInput): Record<string, unknown> {
  return {
    status: input.status,
    message: input.message ?? '',
    autoCheck: input.autoCheck ?? '0',
    comOld: input.comOld ?? '',
    comNew: input.comNew ?? '',
    lastResult: input.lastResult,
  }
}
