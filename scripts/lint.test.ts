// The layering of DESIGN §2 and the no-cycle rule, shown to bite: ESLint (eslint.config.mjs) lints
// planted files inside the tree, so the real resolver and the real zones decide. ESLint runs as its
// CLI in a child process: its flat config is an ES module, which jest's CommonJS runtime cannot load. Each planted file
// crosses one arrow; a legal import beside them must pass.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
// One scratch folder per layer, removed afterwards (also when a test fails).
const PROBE_DIR = /^(?:.*\/)?__lint(?:Probe|Cycle)$/
const planted = new Set<string>()
const plant = (relative: string, code: string): string => {
  const file = path.join(ROOT, relative)
  const probeDir = relative.split('/').findIndex((part) => part.startsWith('__lint'))
  const dir = path.join(ROOT, ...relative.split('/').slice(0, probeDir + 1))
  // Only ever a __lintProbe / __lintCycle folder of its own is created, and removed.
  if (probeDir < 0 || !PROBE_DIR.test(dir)) throw new Error(`not a probe path: ${relative}`)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, code)
  planted.add(dir)
  return file
}
afterAll(() => {
  for (const dir of planted) if (PROBE_DIR.test(dir)) rmSync(dir, { recursive: true, force: true })
})

const ESLINT_BIN = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js')
async function rulesHit(file: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [ESLINT_BIN, '--format', 'json', '--no-warn-ignored', file], { cwd: ROOT, encoding: 'utf8' })
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`)
  const results = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>
  return results.flatMap((result) => result.messages.map((message) => message.ruleId ?? message.message))
}

describe('layering (DESIGN §2)', () => {
  it.each([
    [
      'core imports server',
      'core/__lintProbe/a.ts',
      "import { loadPipelineConfig } from '../../server/config'\nexport const probe = loadPipelineConfig\n",
      'import-x/no-restricted-paths',
    ],
    [
      'core imports a Node API',
      'core/__lintProbe/b.ts',
      "import { createHash } from 'node:crypto'\nexport const probe = createHash\n",
      'no-restricted-imports',
    ],
    [
      'core imports the cloud SDK',
      'core/__lintProbe/c.ts',
      "import cloud from 'wx-server-sdk'\nexport const probe = cloud\n",
      'no-restricted-imports',
    ],
    [
      'server imports a cloud function',
      'server/__lintProbe/a.ts',
      "import { main } from '../../cloudfunctions/createOrder/src/index'\nexport const probe = main\n",
      'import-x/no-restricted-paths',
    ],
    [
      'server imports dev/',
      'server/__lintProbe/b.ts',
      "import { seedDemoData } from '../../dev/seed'\nexport const probe = seedDemoData\n",
      'import-x/no-restricted-paths',
    ],
    [
      'a cloud function imports dev/',
      'cloudfunctions/createOrder/src/__lintProbe/a.ts',
      "import { seedDemoData } from '../../../../dev/seed'\nexport const probe = seedDemoData\n",
      'import-x/no-restricted-paths',
    ],
    [
      'the mini-program imports server/',
      'miniprogram/src/__lintProbe/a.ts',
      "import { loadPipelineConfig } from '../../../server/config'\nexport const probe = loadPipelineConfig\n",
      'import-x/no-restricted-paths',
    ],
    [
      'the mini-program imports test helpers',
      'miniprogram/src/__lintProbe/b.ts',
      "import { fixtureParcel } from '../testing/trackingFixtures'\nexport const probe = fixtureParcel\n",
      'import-x/no-restricted-paths',
    ],
  ])(
    '%s is reported',
    async (_case, relative, code, rule) => {
      expect(await rulesHit(plant(relative, code))).toContain(rule)
    },
    60_000,
  )

  it('legal imports pass: server → core, cloud function → server, a test → dev/', async () => {
    const files = [
      plant('server/__lintProbe/ok.ts', "import { parcelIdOf } from '../../core/api'\nexport const probe = parcelIdOf\n"),
      plant(
        'cloudfunctions/createOrder/src/__lintProbe/ok.ts',
        "import { loadPipelineConfig } from '../../../../server/config'\nexport const probe = loadPipelineConfig\n",
      ),
      plant('server/__lintProbe/ok.test.ts', "import { seedDemoData } from '../../dev/seed'\nexport const probe = seedDemoData\n"),
    ]
    for (const file of files) expect(await rulesHit(file)).toEqual([])
  }, 60_000)
})

describe('no import cycles', () => {
  it('a two-file cycle is reported on both files', async () => {
    const a = plant('server/__lintCycle/a.ts', "import { b } from './b'\nexport const a = (): number => b() + 1\n")
    const b = plant('server/__lintCycle/b.ts', "import { a } from './a'\nexport const b = (): number => (a.length > 0 ? 0 : 1)\n")
    expect(await rulesHit(a)).toContain('import-x/no-cycle')
    expect(await rulesHit(b)).toContain('import-x/no-cycle')
  }, 60_000)
})
