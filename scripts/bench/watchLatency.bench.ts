// How long a cloud function's write takes to reach a page's watch() callback on the local cloud
// (function → real wx-server-sdk → POST /admin → store → realtime socket → @cloudbase/database →
// cloudbaseClient), and the per-operation cost of doc.get / doc.update through the real SDK.
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { startDevCloud } from '../../dev/cloud'
import { createCloudbaseClient } from '../../miniprogram/src/services/cloud/cloudbaseClient'
import { CONTRACT_CONFIG_DIR, FIXTURE_FUNCTIONS_DIR } from '../../test/support/devcloud'
import { directSdk, done } from '../../test/support/sdk'
import type { Benchmark, BenchResult } from './types'
import { nth } from '../../test/support/nth'

const WATCH_SAMPLES = 60
const SDK_OPS = 300
const SAMPLE_TIMEOUT_MS = 5000

function percentile(sorted: number[], p: number): number {
  return nth(sorted, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))
}

const round = (ms: number) => Math.round(ms * 100) / 100

const benchmark: Benchmark = {
  name: 'watchLatency',
  async run(): Promise<BenchResult[]> {
    const devcloud = await startDevCloud({ envId: 'test-bench-watch', functionsDir: FIXTURE_FUNCTIONS_DIR, configDir: CONTRACT_CONFIG_DIR })
    const sdk = directSdk(devcloud.url, devcloud.envId)
    try {
      await devcloud.db.put('parcels', { _id: 'SF:bench', _openid: 'o-bench', orderId: 'B1', n: 0 })
      const page = createCloudbaseClient({ url: devcloud.url, envId: devcloud.envId, openid: 'o-bench', WebSocket })
      const waiting = new Map<number, () => void>()
      let initialised: () => void = () => undefined
      const ready = new Promise<void>((resolve) => { initialised = resolve })
      const watcher = page.watch<{ n: number }>('parcels', { orderId: 'B1', _openid: '{openid}' }, {
        onChange: (snapshot) => {
          if (snapshot.isInit) initialised()
          const n = snapshot.docs[0]?.n
          if (n !== undefined) waiting.get(n)?.()
        },
        onError: (error) => { throw error },
      })
      await ready

      const latencies: number[] = []
      for (let n = 1; n <= WATCH_SAMPLES; n += 1) {
        const arrived = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`sample ${n} did not arrive within ${SAMPLE_TIMEOUT_MS} ms`)), SAMPLE_TIMEOUT_MS)
          waiting.set(n, () => { clearTimeout(timer); resolve() })
        })
        const started = performance.now()
        await devcloud.invoke('writer', { op: 'update', collection: 'parcels', id: 'SF:bench', data: { n } })
        await arrived
        latencies.push(performance.now() - started)
        waiting.delete(n)
      }
      await watcher.close()
      latencies.sort((a, b) => a - b)

      const things = sdk.db.collection('things')
      await devcloud.db.put('things', { _id: 'op', n: 0 })
      let started = performance.now()
      for (let i = 0; i < SDK_OPS; i += 1) await done(things.doc('op').get())
      const getMs = (performance.now() - started) / SDK_OPS
      started = performance.now()
      for (let i = 0; i < SDK_OPS; i += 1) await done(things.doc('op').update({ data: { n: i } }))
      const updateMs = (performance.now() - started) / SDK_OPS

      return [
        {
          label: 'function write → page watch() onChange',
          figures: { samples: WATCH_SAMPLES, p50_ms: round(percentile(latencies, 50)), p95_ms: round(percentile(latencies, 95)), max_ms: round(nth(latencies, -1)) },
          note: 'includes the function invocation; realtime pushes are held 20 ms after a watch (re)builds, not during steady state',
        },
        {
          label: 'real wx-server-sdk through devcloud, sequential',
          figures: { ops: SDK_OPS, doc_get_ms_per_op: round(getMs), doc_update_ms_per_op: round(updateMs) },
        },
      ]
    } finally {
      sdk.restore()
      await devcloud.close()
    }
  },
}

export default benchmark
