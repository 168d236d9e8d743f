// Looks for secrets in built bundles (what ships to every phone): the local stack's own credential
// values, wherever they are defined, and anything shaped like a credential — private-key blocks,
// `KDNIAO_APP_KEY=…`-style assignments, Tencent Cloud SecretId/SecretKey. Findings name the file,
// the rule and the offset; the matched text is masked, so a failing run does not print the secret.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import * as path from 'node:path'

export interface Finding {
  file: string
  rule: string
  offset: number
  masked: string
}

export interface SecretRule {
  rule: string
  pattern: RegExp
}

/** Credential shapes (global regexes). Names and contexts from the vendors' and Tencent Cloud's docs. */
export const SECRET_SHAPES: readonly SecretRule[] = [
  { rule: 'private key block', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
  // KDNIAO_APP_KEY=…, KUAIDI100_SALT: "…", WAREHOUSE_HMAC_SECRET='…' (env files, inlined process.env values).
  {
    rule: 'credential assignment',
    pattern: /\b[A-Z][A-Z0-9_]*?(?:KEY|SALT|SECRET|SECRETID|SECRETKEY|TOKEN|PASSWORD)\s*[=:]\s*["'`]?[A-Za-z0-9+/=_.-]{6,}/g,
  },
  // Tencent Cloud API keys: SecretId is AKID + 32 alphanumerics; a SecretKey is 32 alphanumerics next to its name.
  { rule: 'Tencent Cloud SecretId', pattern: /\bAKID[0-9A-Za-z]{32}\b/g },
  { rule: 'Tencent Cloud SecretKey', pattern: /secret_?key["']?\s*[:=]\s*["'`][0-9A-Za-z]{32}["'`]/gi },
  // A Kdniao AppKey is UUID-shaped; only next to its name, since bundles carry other UUIDs.
  { rule: 'Kdniao AppKey', pattern: /app_?key["']?\s*[:=]\s*["'`][0-9a-fA-F-]{36}["'`]/gi },
]

/** Where the local stack defines credential values (dev defaults, the test rig); absent files are skipped. */
export const CREDENTIAL_SOURCES = [
  'dev/aggregators/credentials.ts',
  'dev/start/functionEnv.ts',
  'dev/cloud/functionHost.ts',
  'test/functions/support/rig.ts',
]

// `appKey: '…'`, `DEV_KUAIDI100_SALT = '…'`, `TENCENTCLOUD_SECRETKEY: '…'`, `key: '…'` — a name that
// ends in key/salt/secret (so `TCB_CONTEXT_KEYS`, a list of names, is not one).
const CREDENTIAL_LITERAL = /\b\w*(?:key|Key|KEY|salt|Salt|SALT|secret|Secret|SECRET|SECRETID|SecretId)\s*[:=]\s*'([^'\s]{8,})'/g

/** The string values those files assign to key/salt/secret names. */
export function credentialValues(repoRoot: string, sources: readonly string[] = CREDENTIAL_SOURCES): string[] {
  const values = new Set<string>()
  for (const source of sources) {
    let text: string
    try {
      text = readFileSync(path.join(repoRoot, source), 'utf8')
    } catch {
      continue
    }
    for (const [, value] of text.matchAll(CREDENTIAL_LITERAL)) if (value !== undefined) values.add(value)
  }
  return [...values]
}

const mask = (text: string) => `${text.slice(0, 4)}…(${text.length} chars)`

export function scanText(
  file: string,
  text: string,
  knownValues: readonly string[],
  shapes: readonly SecretRule[] = SECRET_SHAPES,
): Finding[] {
  const findings: Finding[] = []
  for (const value of knownValues) {
    for (let offset = text.indexOf(value); offset !== -1; offset = text.indexOf(value, offset + 1)) {
      findings.push({ file, rule: 'local stack credential value', offset, masked: mask(value) })
    }
  }
  for (const { rule, pattern } of shapes) {
    for (const match of text.matchAll(pattern)) findings.push({ file, rule, offset: match.index ?? 0, masked: mask(match[0]) })
  }
  return findings
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** Every file under `dir` (binary ones too: read as latin1, so ASCII secrets still match). */
export function scanDirectory(dir: string, knownValues: readonly string[]): { files: number; bytes: number; findings: Finding[] } {
  const files = filesUnder(dir)
  const findings: Finding[] = []
  let bytes = 0
  for (const file of files) {
    bytes += statSync(file).size
    findings.push(...scanText(path.relative(dir, file), readFileSync(file, 'latin1'), knownValues))
  }
  return { files: files.length, bytes, findings }
}
