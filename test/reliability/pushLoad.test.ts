// A short, bounded run of the push load generator (scripts/load) against a devcloud in its own
// process: tens of connections for a few seconds, new, duplicate, out-of-order and forged pushes
// mixed. Asserts the correctness properties only — every valid push acked, every forged one refused,
// nothing lost, the final state equal to the order-independent expectation — never a timing.
// The long run with hundreds of connections is `npm run bench -- load` (docs/performance.md).
import { startDevcloudProcess, type DevcloudProcess } from '../../scripts/load/devcloudProcess'
import { loadFunctionEnv } from '../../scripts/load/loadTarget'
import { runPushLoad } from '../../scripts/load/pushLoad'
import { ensureFunctionsBuilt } from '../functions/support/buildOnce'

let devcloud: DevcloudProcess | undefined

beforeAll(async () => {
  await ensureFunctionsBuilt()
  devcloud = await startDevcloudProcess({ port: 0, env: loadFunctionEnv() })
})
afterAll(async () => {
  await devcloud?.stop()
})

test('mixed pushes on 24 connections for 4 s: valid ones acked, forged ones refused, the final state as expected', async () => {
  const report = await runPushLoad({ cloudUrl: devcloud!.url, connections: 24, durationMs: 4000, parcels: 60, seed: 8 })
  expect({
    samples: report.samples,
    transportErrors: report.transportErrors,
    validRefused: report.validRefused,
    forgedAccepted: report.forgedAccepted,
  }).toEqual({ samples: [], transportErrors: 0, validRefused: 0, forgedAccepted: 0 })
  expect(report.mismatches).toEqual([])
  // The mix really happened: every kind of push was sent.
  for (const kind of ['new', 'duplicate', 'out-of-order', 'forged'] as const) expect(report.sent[kind]).toBeGreaterThan(0)
}, 120_000)
