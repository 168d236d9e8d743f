// Subscribe messages under the load test's push mix (scripts/load: new, duplicate, out-of-order and
// forged pushes, each parcel's story ending delivered): the shopper has consented to every template
// for every parcel, the push load runs, then the notifyWechat timer drains the outbox. Counts the
// messages WeChat accepted per delivered parcel and any parcel × event sent more than once
// (issue 15 goal: ≤ 4 and 0).
import { buildFunctions } from '../buildFunctions'
import { startDevcloudProcess } from '../load/devcloudProcess'
import { request } from '../load/http'
import { devcloudRest } from '../load/devcloudRest'
import { LOAD_PRODUCT, LOAD_SHOPPER, loadFunctionEnv } from '../load/loadTarget'
import { loadFailures, runPushLoad } from '../load/pushLoad'
import { DEV_SUBSCRIBE_TEMPLATES } from '../../dev/start/devSubscribeTemplates'
import type { Benchmark, BenchResult } from './types'

const PARCELS = 200
const CONNECTIONS = 50
const DURATION_MS = 15_000
const MAX_DRAINS = 30

interface Call { api: string; data: Record<string, unknown>; errcode: number }

const benchmark: Benchmark = {
  name: 'notify',
  async run(): Promise<BenchResult[]> {
    await buildFunctions()
    const devcloud = await startDevcloudProcess({ port: 0, env: loadFunctionEnv() })
    try {
      const rest = devcloudRest(devcloud.url)
      // Credits are per shopper × template: one order to consent on, one accept per template per parcel.
      const placed = await rest.invoke<{ ok: boolean; orderId?: string; message?: string }>('createOrder', {
        items: [{ productId: LOAD_PRODUCT._id, quantity: 1 }],
        address: { userName: '压测', telNumber: '13800000000', provinceName: '上海市', cityName: '上海市', countyName: '浦东新区', detailInfo: '压测路 1 号', postalCode: '200120' },
      }, LOAD_SHOPPER)
      if (!placed.ok || !placed.orderId) throw new Error(`notify bench setup: ${placed.message}`)
      const accept = Object.fromEntries(DEV_SUBSCRIBE_TEMPLATES.templates.map((template) => [template.templateId, 'accept']))
      for (let index = 0; index < PARCELS; index += 1) await rest.invoke('notificationConsent', { action: 'record', orderId: placed.orderId, results: accept }, LOAD_SHOPPER)

      const report = await runPushLoad({ cloudUrl: devcloud.url, connections: CONNECTIONS, durationMs: DURATION_MS, parcels: PARCELS, seed: 1 })
      let sends: Call[] = []
      for (let round = 0; round < MAX_DRAINS; round += 1) {
        await request('POST', `${devcloud.url}/devcloud/v1/timers/notifyWechat`, '{}', { 'content-type': 'application/json' })
        const calls = JSON.parse((await request('GET', `${devcloud.url}/devcloud/v1/openapi`)).body) as { calls: Call[] }
        const next = calls.calls.filter((call) => call.api === 'subscribeMessage.send')
        if (round > 0 && next.length === sends.length) break
        sends = next
      }
      const accepted = sends.filter((call) => call.errcode === 0)
      const keyOf = (call: Call) => `${(call.data.data as Record<string, { value: string }>).character_string1?.value}:${String(call.data.template_id)}`
      const perKey = new Map<string, number>()
      for (const call of accepted) perKey.set(keyOf(call), (perKey.get(keyOf(call)) ?? 0) + 1)
      const duplicates = [...perKey.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0)
      const numbers = new Set(accepted.map((call) => keyOf(call).split(':')[0]))
      const perParcel = [...numbers].map((number) => accepted.filter((call) => keyOf(call).startsWith(`${number}:`)).length)
      const delivered = report.mismatches.length === 0 ? PARCELS : PARCELS - report.mismatches.length
      return [{
        label: `subscribe messages under the push load mix (${PARCELS} parcels, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s)`,
        figures: {
          'pushes (new / duplicate / out-of-order / forged)': `${report.sent.new} / ${report.sent.duplicate} / ${report.sent['out-of-order']} / ${report.sent.forged}`,
          'parcels in their expected final state': delivered,
          'messages accepted by WeChat': accepted.length,
          'messages per delivered parcel (mean)': Math.round((accepted.length / Math.max(1, delivered)) * 100) / 100,
          'messages per parcel (max)': Math.max(0, ...perParcel),
          'duplicate parcel × event messages': duplicates,
          'send calls refused': sends.length - accepted.length,
          'load properties': loadFailures(report).length === 0 ? 'held' : `FAILED: ${loadFailures(report).join('; ')}`,
        },
        note: 'goal ≤ 4 per delivered parcel and 0 duplicates; every template consented for every parcel, so every derived event is sent',
      }]
    } finally {
      await devcloud.stop()
    }
  },
}

export default benchmark
