// The Taro config's build-target switch (miniprogram/config/localBuild.ts): a release unless asked,
// the local cloud's address checked before a build bakes it in.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { buildTarget, writeDevtoolsPrivateConfig } from '../miniprogram/config/localBuild'

describe('build target', () => {
  it.each([
    [{}, { local: false, localCloudUrl: '' }],
    [
      { CLOUD_TARGET: 'release', LOCAL_CLOUD_URL: 'http://10.0.0.2:8787' },
      { local: false, localCloudUrl: '' },
    ],
    [{ CLOUD_TARGET: 'local' }, { local: true, localCloudUrl: 'http://127.0.0.1:8787' }],
    [
      { CLOUD_TARGET: 'local', LOCAL_CLOUD_URL: 'http://192.168.1.5:8787/' },
      { local: true, localCloudUrl: 'http://192.168.1.5:8787' },
    ],
  ])('%j → %j', (env, expected) => {
    expect(buildTarget(env as NodeJS.ProcessEnv)).toEqual(expected)
  })

  it.each([
    [{ CLOUD_TARGET: 'local', LOCAL_CLOUD_URL: '127.0.0.1:8787' }, 'LOCAL_CLOUD_URL must be an origin'],
    [{ CLOUD_TARGET: 'local', LOCAL_CLOUD_URL: 'http://127.0.0.1:8787/client' }, 'no path'],
    [{ CLOUD_TARGET: 'prod' }, 'CLOUD_TARGET must be "local" or "release"'],
  ])('refuses %j', (env, message) => {
    expect(() => buildTarget(env as NodeJS.ProcessEnv)).toThrow(message)
  })
})

describe('project.private.config.json', () => {
  it('turns the domain check off and keeps what the developer put there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devtools-config-'))
    try {
      writeFileSync(
        path.join(dir, 'project.private.config.json'),
        JSON.stringify({ appid: 'wx0123', setting: { urlCheck: true, es6: true } }),
      )
      writeDevtoolsPrivateConfig(dir)
      expect(JSON.parse(readFileSync(path.join(dir, 'project.private.config.json'), 'utf8'))).toEqual({
        appid: 'wx0123',
        setting: { urlCheck: false, es6: true },
      })
      writeFileSync(path.join(dir, 'project.private.config.json'), '{ not json')
      expect(() => writeDevtoolsPrivateConfig(dir)).toThrow('is not valid JSON')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
