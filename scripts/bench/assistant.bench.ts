// tools/call through the real route: the SDK's MCP client → devcloud HTTP access POST /mcp → the
// `assistant` bundle on wx-server-sdk (token check + rate count, orders and parcels read, resolver).
// One token per tool keeps each client under the 60 calls/minute budget.
import { performance } from 'node:perf_hooks'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { AssistantAccessResult, CreateOrderResult } from '../../core/api'
import { startDevCloud } from '../../dev/cloud'
import { DEMO_PRODUCTS } from '../../dev/seed/products'
import { buildFunctions } from '../buildFunctions'
import type { Benchmark, BenchResult } from './types'

const SHOPPER = 'dev-shopper'
const ORDERS = 12
const CALLS = 40
const ADDRESS = { userName: '测试', telNumber: '13800005678', provinceName: '北京市', cityName: '北京市', countyName: '朝阳区', detailInfo: '望京街道 1 号', postalCode: '100102' }

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
const round = (ms: number) => Math.round(ms * 10) / 10

const benchmark: Benchmark = {
  name: 'assistant',
  async run(): Promise<BenchResult[]> {
    await buildFunctions(['assistant', 'assistantAccess', 'createOrder'])
    const cloud = await startDevCloud({ envId: 'test-bench-assistant', functionEnv: { PAYMENT_PROVIDER: 'simulated', TRACKING_PUSH_BASE_URL: 'http://127.0.0.1:9' } })
    const clients: Client[] = []
    try {
      for (const product of DEMO_PRODUCTS) await cloud.db.put('products', { ...product, stock: 1000, createdAt: 1 })
      let lastOrder = ''
      for (let index = 0; index < ORDERS; index += 1) {
        const product = DEMO_PRODUCTS.filter((candidate) => candidate.stock > 0)[index % 7]
        const placed = await cloud.invoke<CreateOrderResult>('createOrder', { items: [{ productId: product?._id, quantity: 1 }], address: ADDRESS }, { openid: SHOPPER })
        if (placed.ok) lastOrder = placed.orderId
      }
      const cases: Array<[string, Record<string, unknown>]> = [
        ['list_orders', {}],
        ['track_order', { orderId: lastOrder }],
        ['where_is_my_parcel', { question: '我刚买的竹制砧板到哪了？' }],
      ]
      const results: BenchResult[] = []
      for (const [tool, args] of cases) {
        const issued = await cloud.invoke<AssistantAccessResult>('assistantAccess', { action: 'issue', label: `bench ${tool}` }, { openid: SHOPPER })
        if (!issued.ok || issued.action !== 'issue') throw new Error(JSON.stringify(issued))
        const client = new Client({ name: 'bench', version: '1.0.0' })
        clients.push(client)
        await client.connect(new StreamableHTTPClientTransport(new URL(`${cloud.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${issued.token}` } } }))
        await client.callTool({ name: tool, arguments: args })
        const times: number[] = []
        for (let call = 0; call < CALLS; call += 1) {
          const started = performance.now()
          const answer = await client.callTool({ name: tool, arguments: args })
          times.push(performance.now() - started)
          if (answer.isError) throw new Error(`${tool} failed: ${JSON.stringify(answer)}`)
        }
        times.sort((a, b) => a - b)
        results.push({
          label: `tools/call ${tool} through POST /mcp (${ORDERS} orders)`,
          figures: { calls: CALLS, p50_ms: round(quantile(times, 0.5)), p95_ms: round(quantile(times, 0.95)), max_ms: round(times[times.length - 1] ?? 0) },
          note: 'one HTTP request and one function invocation per call, after one warm-up',
        })
      }
      return results
    } finally {
      for (const client of clients) await client.close().catch(() => undefined)
      await cloud.close()
    }
  },
}

export default benchmark
