// `npm start` builds only what is out of date: the function bundles always (esbuild, well under a
// second), the H5 app when a source it is built from is newer than the build (Taro, ~20 s).
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { H5_DIST, LOCAL_BUILD_MARKER } from '../h5/serveH5'

const ROOT = path.resolve(__dirname, '..', '..')
const H5_SOURCES = ['miniprogram/src', 'miniprogram/config', 'core'].map((dir) => path.join(ROOT, dir))

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full))
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

export function h5BuildIsStale(): boolean {
  const built = path.join(H5_DIST, 'index.html')
  // A release H5 build (`npm run build:h5`) has no cloud backend: the local stack needs the local one.
  if (!existsSync(built) || !existsSync(path.join(H5_DIST, LOCAL_BUILD_MARKER))) return true
  return Math.max(...H5_SOURCES.map(newestSource)) > statSync(built).mtimeMs
}

/** Runs `npm run build:h5:local`, its noisy progress output going to `logFile`; rejects with the log's tail. */
export function buildH5(logFile: string): Promise<void> {
  mkdirSync(path.dirname(logFile), { recursive: true })
  const log = createWriteStream(logFile)
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build:h5:local'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.pipe(log)
    child.stderr.pipe(log)
    child.on('error', reject)
    child.on('close', (code) => {
      log.end(() => {
        if (code === 0) resolve()
        else
          reject(
            new Error(
              `the H5 build failed (exit ${code}); last lines of ${logFile}:\n${readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n')}`,
            ),
          )
      })
    })
  })
}
