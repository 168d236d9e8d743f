// `npx tsx scripts/load/cli.ts [--connections 200] [--seconds 20] [--parcels 400]`: builds the
// function bundles, starts a devcloud in a child process on 127.0.0.1, runs the push load against
// it, prints the report and exits 1 if a correctness property failed (an error answer to a valid
// push, a forged push accepted, a transport error, or a final state other than the expectation).
import { buildFunctions } from '../buildFunctions'
import { startDevcloudProcess } from './devcloudProcess'
import { loadFunctionEnv } from './loadTarget'
import { loadFailures, runPushLoad } from './pushLoad'

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name)
  const value = index < 0 ? fallback : Number(process.argv[index + 1])
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive integer`)
  return value
}

async function main(): Promise<void> {
  const connections = flag('--connections', 200)
  const seconds = flag('--seconds', 20)
  const parcels = flag('--parcels', 400)
  await buildFunctions()
  const devcloud = await startDevcloudProcess({ port: 0, env: loadFunctionEnv() })
  try {
    const report = await runPushLoad({ cloudUrl: devcloud.url, connections, durationMs: seconds * 1000, parcels })
    console.log(JSON.stringify(report, null, 2))
    const failures = loadFailures(report)
    for (const failure of failures) console.error(`✖ ${failure}`)
    process.exitCode = failures.length === 0 ? 0 : 1
  } finally {
    await devcloud.stop()
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
