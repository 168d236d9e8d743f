// Which Chromium the e2e tests, screenshots and benches drive, and the fonts it renders Chinese with.
// Order (DESIGN §5): CHROMIUM_PATH, then Debian's /usr/bin/chromium, then the build that
// @sparticuz/chromium carries inside its npm package (brotli archives, inflated into the temp dir on
// first use). Nothing downloads a browser: every candidate is already on disk after `npm install`.
import { existsSync, mkdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm'
export interface FoundChromium {
  executablePath: string
  source: ChromiumSource
  env: Record<string, string>
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const root = path.resolve(__dirname, '..', '..')

/** The CJK faces come from an npm font package (Noto Sans SC, OFL-1.1): neither browser carries one. */
export const CJK_FONT_DIRS = ['400Regular', '700Bold'].map((weight) =>
  path.join(root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc', weight),
)

/**
 * A fontconfig file that keeps the system's configuration (when there is one) and adds the npm font
 * directories, so the same file serves Debian's Chromium and the npm one (whose own Latin fonts are
 * inflated into <tmp>/fonts).
 */
export function writeFontConfig(dir = path.join(tmpdir(), 'parcel-e2e-fonts')): string {
  mkdirSync(dir, { recursive: true })
  const dirs = [...CJK_FONT_DIRS, path.join(tmpdir(), 'fonts')].filter((fontDir) => existsSync(fontDir))
  const file = path.join(dir, 'fonts.conf')
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      ...dirs.map((fontDir) => `  <dir>${fontDir}</dir>`),
      `  <cachedir>${path.join(dir, 'cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  )
  return file
}

// Jest runs e2e files in parallel workers: the first one inflates the npm build, the others wait, so
// no worker ever launches a half-written binary. The lock is a directory (mkdir is atomic).
async function withInflateLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(tmpdir(), 'parcel-e2e-chromium.lock')
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // A lock older than the deadline belongs to a worker that died mid-inflate.
      if (Date.now() - statSafeMtime(lock) > 120_000) rmdirSafe(lock)
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (another process inflating Chromium)`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  try {
    return await work()
  } finally {
    rmdirSafe(lock)
  }
}

function statSafeMtime(file: string): number {
  try {
    return statSync(file).mtimeMs
  } catch {
    return Date.now()
  }
}
function rmdirSafe(dir: string): void {
  try {
    rmdirSync(dir)
  } catch {
    /* already gone */
  }
}

async function npmChromium(): Promise<string> {
  const { default: packaged } = await import('@sparticuz/chromium')
  return withInflateLock(() => packaged.executablePath())
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const fontEnv = (): Record<string, string> => ({ FONTCONFIG_FILE: writeFontConfig() })
  const configured = env.CHROMIUM_PATH
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`)
    return { executablePath: configured, source: 'CHROMIUM_PATH', env: fontEnv() }
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'system', env: fontEnv() }
  const executablePath = await npmChromium()
  // The font file is written after inflating, so it can list the npm build's own font directory.
  return { executablePath, source: 'npm', env: fontEnv() }
}
