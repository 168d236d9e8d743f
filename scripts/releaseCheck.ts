// What a local build leaves in its output and a release must not carry: the marker the Taro config
// writes (miniprogram/config/localBuild.ts), the local cloud's address and caller header, the dev
// adapter, the banner and the identity picker. The upload script refuses a build with any of them;
// a test scans the release outputs with the same list (and the local build, to show it finds them).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { LOCAL_BUILD_MARKER } from '../miniprogram/config/localBuild'

/** A phrase as written, or as a minifier writes it (`\u672c\u5730…`). */
function phrase(...texts: string[]): RegExp {
  const escaped = (text: string) =>
    [...text].map((char) => (char.charCodeAt(0) < 128 ? char : `\\\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('')
  return new RegExp(texts.flatMap((text) => [text, escaped(text)]).join('|'), 'i')
}

export const LOCAL_BUILD_SIGNS: ReadonlyArray<readonly [string, RegExp]> = [
  ["the local cloud's caller header", /x-devcloud-openid/],
  ['a loopback address', /127\.0\.0\.1|\/\/localhost\b/],
  ["the local cloud's default port", /:8787\b/],
  ['the dev adapter', /LocalCloudUnreachable|local cloud unreachable|__DEVCLOUD__/],
  ['the local-build banner', phrase('本地构建', '本地云未启动')],
  ['the identity picker', /ps-local-bar|dev-shopper|dev-merchant/],
]

const TEXT_FILES = /\.(js|json|wxml|wxss|wxs|html|css|txt)$/

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? files(full) : TEXT_FILES.test(entry.name) ? [full] : []
  })
}

/** Every sign of a local build in `dir`, as "<what> in <file>"; empty for a clean release build. */
export function localBuildFindings(dir: string): string[] {
  if (!existsSync(dir)) return [`${dir} does not exist`]
  const findings: string[] = []
  if (existsSync(path.join(dir, LOCAL_BUILD_MARKER))) findings.push(`${LOCAL_BUILD_MARKER} (a local build's marker)`)
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8')
    for (const [what, sign] of LOCAL_BUILD_SIGNS) if (sign.test(text)) findings.push(`${what} in ${path.relative(dir, file)}`)
  }
  return findings
}
