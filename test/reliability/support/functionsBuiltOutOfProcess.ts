// ensureFunctionsBuilt (the shared build lock of test/functions) for test files that run in jsdom,
// where esbuild refuses to start (its TextEncoder invariant fails there): the same call, made in a
// plain node child process.
import { execFile } from 'node:child_process'
import * as path from 'node:path'

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')
const SCRIPT =
  "require('./test/functions/support/buildOnce').ensureFunctionsBuilt().catch((error) => { console.error(error); process.exit(1) })"

export function ensureFunctionsBuiltOutOfProcess(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', '-e', SCRIPT], { cwd: REPO_ROOT, timeout: 180_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`building the cloud functions failed: ${stderr || error.message}`))
      else resolve()
    })
  })
}
