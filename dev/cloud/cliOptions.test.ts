import * as path from 'node:path'
import { dataLine, parseCliArgs, type CliOptions } from './cliOptions'

const CWD = '/work/repo'
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCliArgs(argv, env, CWD)

test.each<[string, string[], NodeJS.ProcessEnv, Partial<CliOptions>]>([
  ['no flags: memory on 8787', [], {}, { port: 8787, data: { kind: 'memory' }, fsync: false, build: true }],
  ['$DEVCLOUD_PORT', [], { DEVCLOUD_PORT: '9100' }, { port: 9100 }],
  [
    'a relative persist dir, fsync',
    ['--persist-dir', 'data', '--fsync', '--port', '0'],
    {},
    { port: 0, data: { kind: 'dir', dir: path.join(CWD, 'data') }, fsync: true },
  ],
  ['--memory', ['--memory'], {}, { data: { kind: 'memory' } }],
  [
    'import and export-on-exit',
    ['--import', 'scenario', '--export-on-exit', '/tmp/out'],
    {},
    { importDir: path.join(CWD, 'scenario'), exportOnExit: '/tmp/out' },
  ],
  ['a one-shot export of a data dir', ['--persist-dir', '/d', '--export', '/e'], {}, { exportDir: '/e', data: { kind: 'dir', dir: '/d' } }],
  ['--no-build', ['--no-build'], {}, { build: false }],
  ['the compaction threshold', [], { DEVCLOUD_COMPACT_AFTER_BYTES: '4096' }, { compactAfterBytes: 4096 }],
])('%s', (_name, argv, env, expected) => {
  expect(parse(argv, env)).toMatchObject(expected)
})

test.each<[string, string[], NodeJS.ProcessEnv, RegExp]>([
  ['an unknown flag', ['--persist'], {}, /unknown option --persist/],
  ['a flag without its value', ['--persist-dir'], {}, /--persist-dir needs a value/],
  ['a flag followed by another flag', ['--import', '--memory'], {}, /--import needs a value/],
  ['a bad port', ['--port', '70000'], {}, /invalid port/],
  ['memory and a dir', ['--memory', '--persist-dir', 'x'], {}, /contradict/],
  ['fsync in memory', ['--fsync'], {}, /--fsync needs --persist-dir/],
  ['an export with nothing to export', ['--export', 'x'], {}, /--export writes the data of a --persist-dir/],
  ['an export inside the data dir', ['--persist-dir', '/d', '--export-on-exit', '/d/out'], {}, /inside the data dir/],
  ['both exports', ['--persist-dir', '/d', '--export', '/e', '--export-on-exit', '/f'], {}, /--export exits at once/],
  ['a bad compaction threshold', [], { DEVCLOUD_COMPACT_AFTER_BYTES: '1e3.5' }, /DEVCLOUD_COMPACT_AFTER_BYTES/],
])('refused: %s', (_name, argv, env, message) => {
  const parsed = parse(argv, env)
  expect(typeof parsed).toBe('string')
  expect(parsed).toMatch(message)
})

test('the first line says where the data lives', () => {
  const memory = parse([])
  const dir = parse(['--persist-dir', '/d', '--fsync', '--import', '/s'])
  if (typeof memory === 'string' || typeof dir === 'string') throw new Error('parse failed')
  expect(dataLine(memory)).toBe('devcloud data: in memory only, nothing on disk (--persist-dir DIR keeps it)')
  expect(dataLine(dir)).toBe('devcloud data: /d (op-log, fsync on, starting from the export /s)')
})
