// `npm run devcloud -- --port <P> [--persist-dir DIR | --memory]`: the local cloud alone, headless
// (DESIGN §5). Its first line says where the data lives: in memory by default, so a check or an
// experiment never fills the data `npm start` shows a person (.devcloud/); --persist-dir keeps it
// in a dir of its own, locked to this process. Builds every cloud function, starts with timers on,
// seeds the demo data (or loads --import), prints `devcloud ready on http://127.0.0.1:<P>`, and
// stops cleanly on SIGINT/SIGTERM (writing --export-on-exit). `--export DIR` writes a data dir's
// documents as JSON lines and exits. All flags: cliOptions.ts (`--help`).
import { buildFunctions } from '../../scripts/buildFunctions'
import { DEFAULT_SANDBOX_PORT } from '../aggregators'
import { seedDemoData } from '../seed'
import { functionEnvFrom, localFunctionEnv, trackingVendorFrom } from '../start/functionEnv'
import { dataLine, parseCliArgs, USAGE, type CliOptions } from './cliOptions'
import { describeExport, type TransferResult } from './exportImport'
import { DataDirLockedError, ImportRefusedError, lockDataDir, OpLogCorruptError, startDevCloud, type DataDirLock, type DevCloud } from '.'

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2), process.env, process.cwd())
  if (typeof options === 'string') {
    console.error(`devcloud: ${options}\n${USAGE}`)
    process.exit(2)
  }
  if (options.help) {
    console.log(USAGE)
    return
  }
  console.log(dataLine(options))
  // Before building: a second process on this dir is refused at once, without touching the bundles.
  const lock = options.data.kind === 'dir' ? takeLock(options.data.dir) : undefined
  if (options.exportDir !== undefined) return exportOnce(options, options.exportDir, lock)

  if (options.build) await buildFunctions()
  // Dev defaults point at a local sandbox (`npm run sandbox`, or `npm start` for everything);
  // any of these set in this process's environment wins.
  const defaults = localFunctionEnv({
    vendor: trackingVendorFrom(process.env.TRACKING_VENDOR),
    sandboxUrl: process.env.SANDBOX_URL ?? `http://127.0.0.1:${process.env.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT}`,
    cloudUrl: `http://${options.host}:${options.port === 0 ? 8787 : options.port}`,
  })
  const { functionEnv } = functionEnvFrom(defaults, process.env)
  const devcloud = await startDevCloud({
    functionEnv,
    port: options.port,
    host: options.host,
    envId: 'dev-local',
    ...storage(options),
    dataDirLock: lock,
    timers: true,
    inheritProcessEnv: true,
    logFailures: true,
  })
  if (options.importDir === undefined) await seedDemoData(devcloud)
  console.log(`devcloud ready on ${devcloud.url}`)
  stopOnSignals(devcloud, options.exportOnExit, lock)
}

function takeLock(dir: string): DataDirLock {
  const locked = lockDataDir(dir)
  if (!locked.ok) throw new DataDirLockedError(locked.message, locked.holder)
  // Whatever ends this process (a refused start included) frees the dir; only SIGKILL leaves a stale lock.
  process.once('exit', () => locked.lock.release())
  return locked.lock
}

function storage(options: CliOptions) {
  return {
    persistDir: options.data.kind === 'dir' ? options.data.dir : undefined,
    fsync: options.fsync,
    importDir: options.importDir,
    compactAfterBytes: options.compactAfterBytes,
  }
}

/** Opens the data (locking a data dir like any writer would), writes the export, and exits. Serves nothing: port 0, no functions built. */
async function exportOnce(options: CliOptions, exportDir: string, lock: DataDirLock | undefined): Promise<void> {
  try {
    const devcloud = await startDevCloud({ port: 0, host: '127.0.0.1', envId: 'dev-local', ...storage(options), dataDirLock: lock })
    try {
      report(await devcloud.exportData(exportDir))
    } finally {
      await devcloud.close()
    }
  } finally {
    lock?.release()
  }
}

function report(result: TransferResult): void {
  if (result.ok) return console.log(`devcloud ${describeExport(result)}`)
  console.error(`devcloud: ${describeExport(result)}`)
  process.exitCode = 1
}

function stopOnSignals(devcloud: DevCloud, exportOnExit: string | undefined, lock: DataDirLock | undefined): void {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`devcloud stopping (${signal})`)
    const stopped = async () => {
      await devcloud.close()
      // After close: every function has finished, so the export is the final state.
      if (exportOnExit !== undefined) report(await devcloud.exportData(exportOnExit))
      lock?.release()
    }
    stopped().then(
      () => process.exit(process.exitCode ?? 0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  // Refusals a person can act on are said plainly; anything else is a bug and keeps its stack.
  const known = error instanceof DataDirLockedError || error instanceof OpLogCorruptError || error instanceof ImportRefusedError
  console.error(`devcloud failed to start: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}`)
  process.exit(1)
})
