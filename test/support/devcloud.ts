// Starting a devcloud for a test file: ephemeral port, a fresh `test-…` env id, and (for the
// emulator's own contract suite) the fixture functions and config. Close it in afterAll.
import * as path from 'node:path'
import { startDevCloud, type DevCloud, type StartDevCloudOptions } from '../../dev/cloud'

export const REPO_ROOT = path.resolve(__dirname, '..', '..')
export const FIXTURE_FUNCTIONS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'functions')
export const CONTRACT_CONFIG_DIR = path.join(REPO_ROOT, 'test', 'contract', 'fixtures', 'cloudbase')

let counter = 0

/** A unique env id per call, so parallel test files never share state. */
export function testEnvId(): string {
  counter += 1
  return `test-${process.pid}-${counter}`
}

/** A devcloud on an ephemeral port; defaults to the real cloudfunctions/ and cloudbase/ config. */
export function startTestCloud(options: StartDevCloudOptions = {}): Promise<DevCloud> {
  return startDevCloud({ envId: testEnvId(), ...options })
}

/** The emulator's contract setup: fixture functions and fixture collections/routes. */
export function startContractCloud(options: StartDevCloudOptions = {}): Promise<DevCloud> {
  return startTestCloud({ functionsDir: FIXTURE_FUNCTIONS_DIR, configDir: CONTRACT_CONFIG_DIR, ...options })
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2026-03-01T02:00:00Z')): {
  now: () => number
  set(ms: number): void
  advance(ms: number): void
} {
  let current = start
  return {
    now: () => current,
    set: (ms) => {
      current = ms
    },
    advance: (ms) => {
      current += ms
    },
  }
}
