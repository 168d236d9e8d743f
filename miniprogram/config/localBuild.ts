// What makes a build a local one (`npm run build:weapp:local`, `build:h5:local`): CLOUD_TARGET=local.
// The app is then built against the local cloud at LOCAL_CLOUD_URL, marked as such in its output
// (local-build.json, which the upload script refuses), and for the weapp WeChat DevTools is told not
// to check request domains (project.private.config.json, git-ignored). A release build gets none of it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { z } from 'zod'

/** `npm start`'s local cloud. */
export const DEFAULT_LOCAL_CLOUD_URL = 'http://127.0.0.1:8787'
export const LOCAL_BUILD_MARKER = 'local-build.json'

const cloudUrl = z
  .string()
  .regex(/^https?:\/\/[A-Za-z0-9.[\]:-]+(:\d{1,5})?$/, 'an origin like http://192.168.1.5:8787 (scheme, host, port; no path)')

export interface BuildTarget {
  local: boolean
  /** '' for a release build. */
  localCloudUrl: string
}

export function buildTarget(env: NodeJS.ProcessEnv): BuildTarget {
  const target = env.CLOUD_TARGET ?? 'release'
  if (target !== 'local' && target !== 'release') throw new Error(`CLOUD_TARGET must be "local" or "release", not "${target}"`)
  if (target === 'release') return { local: false, localCloudUrl: '' }
  const parsed = cloudUrl.safeParse((env.LOCAL_CLOUD_URL || DEFAULT_LOCAL_CLOUD_URL).replace(/\/+$/, ''))
  if (!parsed.success)
    throw new Error(`LOCAL_CLOUD_URL must be ${parsed.error.issues[0]?.message ?? 'an http(s) origin'}, not "${env.LOCAL_CLOUD_URL}"`)
  return { local: true, localCloudUrl: parsed.data }
}

/** Where a build goes: the shared default, or a directory of its own (tests build variants aside). */
export function outputRoot(taroEnv: string | undefined, env: NodeJS.ProcessEnv): string {
  if (taroEnv === 'h5') return env.H5_OUTPUT_ROOT || 'dist-h5'
  return env.WEAPP_OUTPUT_ROOT || 'dist'
}

export function markerContent(target: BuildTarget, platform: string): string {
  return `${JSON.stringify({ local: true, platform, localCloudUrl: target.localCloudUrl, note: 'built against the local cloud: not a release, the upload script refuses it' }, null, 2)}\n`
}

interface Compiler {
  webpack: { sources: { RawSource: new (source: string) => unknown }; Compilation: { PROCESS_ASSETS_STAGE_ADDITIONAL: number } }
  hooks: { thisCompilation: { tap(name: string, run: (compilation: Compilation) => void): void } }
}
interface Compilation {
  hooks: { processAssets: { tap(options: { name: string; stage: number }, run: () => void): void } }
  emitAsset(file: string, source: unknown): void
}

/** Emits local-build.json into the output (Taro empties the output directory before each build). */
export class LocalBuildMarker {
  constructor(private readonly content: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('LocalBuildMarker', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalBuildMarker', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.emitAsset(LOCAL_BUILD_MARKER, new compiler.webpack.sources.RawSource(this.content))
        },
      )
    })
  }
}

/** DevTools reads project.private.config.json over project.config.json: turn the domain check off there, keep the rest. */
export function writeDevtoolsPrivateConfig(repoRoot: string): void {
  const file = path.join(repoRoot, 'project.private.config.json')
  let current: Record<string, unknown> = {}
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    } catch {
      throw new Error(`${file} is not valid JSON; fix or delete it, then build again`)
    }
  }
  const setting = typeof current.setting === 'object' && current.setting !== null ? (current.setting as Record<string, unknown>) : {}
  writeFileSync(file, `${JSON.stringify({ ...current, setting: { ...setting, urlCheck: false } }, null, 2)}\n`)
}
