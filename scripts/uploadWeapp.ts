// `npm run upload:weapp -- --version 1.2.0 [--desc "…"] [--dist miniprogram/dist]`: uploads the
// built mini-program with miniprogram-ci (reference/wechat.md §6.3), after checking that what is in
// the output is a release build. A local build (`build:weapp:local`) is refused, whatever its name.
// Needs MP_PRIVATE_KEY_PATH (the code-upload key) and miniprogram-ci installed
// (`npm install --no-save miniprogram-ci`; it is not a dependency because only a release machine needs it).
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { localBuildFindings } from './releaseCheck'

const ROOT = path.resolve(__dirname, '..')
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}

interface MiniprogramCi {
  Project: new (options: { appid: string; type: 'miniProgram'; projectPath: string; privateKeyPath: string }) => unknown
  upload(options: {
    project: unknown
    version: string
    desc?: string
    setting: { useProjectConfig: boolean }
  }): Promise<{ subPackageInfo?: Array<{ name: string; size: number }> }>
}

async function main(): Promise<number> {
  const dist = path.resolve(ROOT, argument('dist') ?? 'miniprogram/dist')
  const findings = localBuildFindings(dist)
  if (findings.length > 0) {
    console.error(
      `upload refused: ${path.relative(ROOT, dist)} is not a release build:\n${findings.map((finding) => `  - ${finding}`).join('\n')}\nBuild the release with \`npm run build:weapp\` and upload again.`,
    )
    return 1
  }
  const version = argument('version')
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    console.error('upload: --version x.y.z is required')
    return 1
  }
  const privateKeyPath = process.env.MP_PRIVATE_KEY_PATH
  if (!privateKeyPath) {
    console.error('upload: set MP_PRIVATE_KEY_PATH to the code-upload key (MP admin → 开发 → 开发设置)')
    return 1
  }
  let ci: MiniprogramCi
  try {
    const name = 'miniprogram-ci'
    ci = (await import(name)) as MiniprogramCi
  } catch {
    console.error('upload: miniprogram-ci is not installed; run `npm install --no-save miniprogram-ci`')
    return 1
  }
  const { appid } = JSON.parse(readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { appid: string }
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath: ROOT, privateKeyPath })
  const result = await ci.upload({ project, version, desc: argument('desc'), setting: { useProjectConfig: true } })
  for (const info of result.subPackageInfo ?? []) console.log(`  ${info.name.padEnd(12)} ${(info.size / 1024).toFixed(0)} KB`)
  const main = result.subPackageInfo?.find((info) => info.name === '__APP__')
  if (main && main.size > MAIN_PACKAGE_LIMIT) console.warn(`! the main package is ${main.size} bytes, over WeChat's 2 MB limit`)
  console.log(`uploaded ${version}`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`upload failed: ${(error as Error).message}`)
    process.exit(1)
  },
)
