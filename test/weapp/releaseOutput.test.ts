// Production stays clean (issue 17): the release weapp build (`npm run build:weapp`, the shared
// miniprogram/dist) and the release H5 build (`npm run build:h5`, made aside) carry no local
// address, no dev adapter, no identity picker, no local-build banner. The same scan finds all of
// them in the local build, so it is a scan that can fail.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { localBuildFindings } from '../../scripts/releaseCheck'
import { ensureTestBuild } from '../../scripts/testBuilds'
import { DIST } from './harness'

const ROOT = path.resolve(__dirname, '..', '..')

describe('release outputs carry nothing of the local build', () => {
  it('the release weapp build (miniprogram/dist)', () => {
    expect(localBuildFindings(DIST)).toEqual([])
  })

  it('the release H5 build', () => {
    expect(localBuildFindings(ensureTestBuild('h5Release'))).toEqual([])
  }, 300_000)

  it('the local weapp build has every sign the scan looks for', () => {
    const findings = localBuildFindings(ensureTestBuild('weappLocal')).join('\n')
    for (const sign of ['local-build.json', 'caller header', 'dev adapter', 'local-build banner', 'identity picker'])
      expect(findings).toContain(sign)
  }, 300_000)
})

describe('the upload script', () => {
  it('refuses a local build, naming what gives it away', () => {
    const result = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/uploadWeapp.ts', '--dist', ensureTestBuild('weappLocal'), '--version', '1.0.0'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MP_PRIVATE_KEY_PATH: '/nonexistent' } },
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('upload refused')
    expect(result.stderr).toContain('local-build.json')
  }, 300_000)

  it('refuses a build that only carries the local address, even without the marker', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weapp-upload-'))
    try {
      writeFileSync(path.join(dir, 'common.js'), 'var u="http://127.0.0.1:8787/client"')
      const result = spawnSync(
        path.join(ROOT, 'node_modules', '.bin', 'tsx'),
        ['scripts/uploadWeapp.ts', '--dist', dir, '--version', '1.0.0'],
        { cwd: ROOT, encoding: 'utf8' },
      )
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('a loopback address in common.js')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
