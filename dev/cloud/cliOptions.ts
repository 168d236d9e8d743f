// The flags of `npm run devcloud` (README "The local cloud alone", DESIGN §5), and the line it
// prints first: where this process keeps its data.
import * as path from 'node:path'

export type DataPlace = { kind: 'memory' } | { kind: 'dir'; dir: string }

export interface CliOptions {
  port: number
  host: string
  data: DataPlace
  fsync: boolean
  /** Start from this export instead of the demo data. */
  importDir: string | undefined
  /** One shot: write the data (of --persist-dir, or of --import) here and exit, serving nothing. */
  exportDir: string | undefined
  /** Write the data here when stopped (SIGINT/SIGTERM). */
  exportOnExit: string | undefined
  /** $DEVCLOUD_COMPACT_AFTER_BYTES: compact the op-log at run time after this much growth. */
  compactAfterBytes: number | undefined
  /** Skip building cloudfunctions/* (the bundles are already built: a test or tool built them). */
  build: boolean
  help: boolean
}

export const USAGE = `npm run devcloud -- [options]
  --port P               port to serve on (default $DEVCLOUD_PORT or 8787; 0 picks a free one)
  --host H               address to bind (default 127.0.0.1)
  --memory               keep the data in memory only: nothing on disk (the default)
  --persist-dir DIR      keep the data in DIR (an op-log, replayed on start; one process per DIR)
  --fsync                flush every acknowledged write to the disk (survives power loss; with --persist-dir)
  --import DIR           start from an export (replaces what --persist-dir held; no demo data seeded)
  --export DIR           write the data of --persist-dir (or --import) to DIR as JSON lines, then exit
  --export-on-exit DIR   write the data to DIR when stopped (Ctrl-C / SIGTERM)
  --no-build             do not build cloudfunctions/* first (they are built already)
npm start keeps its own data in .devcloud/; use --persist-dir .devcloud to open it (while npm start is stopped).`

const WITH_VALUE = new Set(['--port', '--host', '--persist-dir', '--import', '--export', '--export-on-exit'])

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): CliOptions | string {
  const options: CliOptions = {
    port: Number(env.DEVCLOUD_PORT || 8787),
    host: '127.0.0.1',
    data: { kind: 'memory' },
    fsync: false,
    importDir: undefined,
    exportDir: undefined,
    exportOnExit: undefined,
    compactAfterBytes: env.DEVCLOUD_COMPACT_AFTER_BYTES ? Number(env.DEVCLOUD_COMPACT_AFTER_BYTES) : undefined,
    build: true,
    help: false,
  }
  let memory = false
  let persistDir: string | undefined
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] ?? ''
    if (flag === '--memory') memory = true
    else if (flag === '--fsync') options.fsync = true
    else if (flag === '--no-build') options.build = false
    else if (flag === '--help' || flag === '-h') options.help = true
    else if (WITH_VALUE.has(flag)) {
      const value = argv[index + 1]
      if (value === undefined || value.startsWith('--')) return `${flag} needs a value`
      index += 1
      if (flag === '--port') options.port = Number(value)
      else if (flag === '--host') options.host = value
      else if (flag === '--persist-dir') persistDir = path.resolve(cwd, value)
      else if (flag === '--import') options.importDir = path.resolve(cwd, value)
      else if (flag === '--export') options.exportDir = path.resolve(cwd, value)
      else options.exportOnExit = path.resolve(cwd, value)
    } else return `unknown option ${flag} (npm run devcloud -- --help lists them)`
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) return `invalid port ${options.port}`
  if (options.compactAfterBytes !== undefined && !(Number.isInteger(options.compactAfterBytes) && options.compactAfterBytes > 0)) {
    return `DEVCLOUD_COMPACT_AFTER_BYTES must be a positive whole number of bytes, not "${env.DEVCLOUD_COMPACT_AFTER_BYTES}"`
  }
  if (memory && persistDir !== undefined) return '--memory and --persist-dir contradict each other: choose one'
  if (options.fsync && persistDir === undefined) return '--fsync needs --persist-dir (in memory there is nothing to flush)'
  if (options.exportDir !== undefined && persistDir === undefined && options.importDir === undefined) {
    return '--export writes the data of a --persist-dir (or of an --import); give one of them'
  }
  if (options.exportDir !== undefined && options.exportOnExit !== undefined)
    return '--export exits at once; --export-on-exit has nothing to add to it'
  for (const [name, dir] of [
    ['--export', options.exportDir],
    ['--export-on-exit', options.exportOnExit],
  ] as const) {
    if (dir !== undefined && persistDir !== undefined && isInside(dir, persistDir))
      return `${name} ${dir} is inside the data dir ${persistDir}; export somewhere else`
  }
  if (persistDir !== undefined) options.data = { kind: 'dir', dir: persistDir }
  return options
}

/** The first line `npm run devcloud` prints (before building anything). */
export function dataLine(options: CliOptions): string {
  const from = options.importDir === undefined ? '' : `, starting from the export ${options.importDir}`
  if (options.data.kind === 'memory') return `devcloud data: in memory only, nothing on disk${from} (--persist-dir DIR keeps it)`
  return `devcloud data: ${options.data.dir} (op-log, fsync ${options.fsync ? 'on' : 'off'}${from})`
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
