// The BUILT mini-program (miniprogram/dist) and H5 app (miniprogram/dist-h5) — what every phone
// downloads — carry no secret: no credential value of the local stack, no private key, no
// credential assignment, nothing shaped like a Tencent Cloud key (scanner: support/scanForSecrets.ts,
// proved on planted samples in scanForSecrets.test.ts). `npm test` builds both before jest runs.
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { credentialValues, scanDirectory } from './support/scanForSecrets'

const REPO_ROOT = path.resolve(__dirname, '..', '..')

test.each([
  ['the weapp build', 'miniprogram/dist', 'app.js'],
  ['the H5 build', 'miniprogram/dist-h5', 'index.html'],
])('%s ships no secret', (_label, dir, entry) => {
  const root = path.join(REPO_ROOT, dir)
  if (!existsSync(path.join(root, entry))) throw new Error(`${dir} is missing: run \`npm run build\` first`)
  const scan = scanDirectory(root, credentialValues(REPO_ROOT))
  // Not vacuous: the build is there and was read.
  expect(scan.files).toBeGreaterThan(5)
  expect(scan.bytes).toBeGreaterThan(100_000)
  expect(scan.findings).toEqual([])
})
