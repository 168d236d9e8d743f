// The secret scanner must fail a build that ships a secret: proved on planted samples, one per rule,
// in text and in a bundle directory on disk, and shown not to cry wolf on what bundles legitimately
// contain (React's internals name, env variable names without values, UUIDs that are not AppKeys).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { DEV_KDNIAO, DEV_KUAIDI100, DEV_KUAIDI100_SALT } from '../../dev/aggregators'
import { WAREHOUSE_SECRET } from '../functions/support/rig'
import { credentialValues, scanDirectory, scanText } from './support/scanForSecrets'

const REPO_ROOT = path.resolve(__dirname, '..', '..')

test('the local stack’s credential values are collected from where they are defined', () => {
  expect(credentialValues(REPO_ROOT)).toEqual(
    expect.arrayContaining([DEV_KDNIAO.appKey, DEV_KUAIDI100.key, DEV_KUAIDI100_SALT, WAREHOUSE_SECRET, 'devcloud-fake-secret-key']),
  )
})

test.each([
  ['a dev AppKey inlined by a bundler', `var e={url:"http://127.0.0.1"};e.k="${DEV_KDNIAO.appKey}";`, 'local stack credential value'],
  ['the dev Kuaidi100 salt in a string table', `["a","${DEV_KUAIDI100_SALT}","b"]`, 'local stack credential value'],
  ['a private key block', 'const pem = `-----BEGIN RSA PRIVATE KEY-----\\nMIIEow…`', 'private key block'],
  ['an encrypted PKCS#8 block', '-----BEGIN ENCRYPTED PRIVATE KEY-----', 'private key block'],
  ['an env file line', 'KDNIAO_APP_KEY=abcdef0123456789', 'credential assignment'],
  ['an inlined process.env value', 'const config={KUAIDI100_SALT:"s3cr3t-salt"}', 'credential assignment'],
  ['a Tencent Cloud SecretId', `"AKID${'Ab3'.repeat(10)}xy"`, 'Tencent Cloud SecretId'],
  ['a Tencent Cloud SecretKey', `{secretKey:"${'k9'.repeat(16)}"}`, 'Tencent Cloud SecretKey'],
  ['a Kdniao AppKey by name', '{AppKey:"00000000-1111-2222-3333-444444444444"}', 'Kdniao AppKey'],
])('finds %s', (_label, text, rule) => {
  const findings = scanText('bundle.js', text, credentialValues(REPO_ROOT))
  expect(findings.map((finding) => finding.rule)).toContain(rule)
})

test('findings never print the secret itself', () => {
  const [finding] = scanText('app.js', `x="${DEV_KUAIDI100.key}"`, [DEV_KUAIDI100.key])
  expect(finding).toEqual({ file: 'app.js', rule: 'local stack credential value', offset: 3, masked: 'devK…(17 chars)' })
})

test.each([
  ['React’s internals', 'React.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED={ReactCurrentOwner:a}'],
  ['an env variable name without a value', 'if(!process.env.KDNIAO_APP_KEY)throw new Error("KDNIAO_APP_KEY missing")'],
  ['a UUID that is not next to an AppKey name', '{requestId:"6f1c2b1e-0d2a-4c5e-9f00-1234567890ab"}'],
  ['the word secret in text', '"secretKey is set on the server only"'],
])('does not flag %s', (_label, text) => {
  expect(scanText('bundle.js', text, credentialValues(REPO_ROOT))).toEqual([])
})

test('a secret planted in a bundle directory on disk is found, down in a subfolder and in a binary file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'planted-bundle-'))
  try {
    mkdirSync(path.join(dir, 'js', 'chunk'), { recursive: true })
    writeFileSync(path.join(dir, 'index.html'), '<html></html>')
    writeFileSync(path.join(dir, 'js', 'chunk', '42.js'), `e.exports={salt:"${DEV_KUAIDI100_SALT}"}`)
    writeFileSync(
      path.join(dir, 'logo.png'),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]), Buffer.from(WAREHOUSE_SECRET)]),
    )
    const scan = scanDirectory(dir, credentialValues(REPO_ROOT))
    expect(scan.files).toBe(3)
    expect(scan.findings.map((finding) => [finding.file, finding.rule])).toEqual([
      [path.join('js', 'chunk', '42.js'), 'local stack credential value'],
      ['logo.png', 'local stack credential value'],
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
