// `npm run devcloud -- --port <P>` (DESIGN §5): builds the functions, starts headless with demo data,
// prints the ready line, and stops cleanly on SIGTERM with its data persisted.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { REPO_ROOT } from '../support/devcloud'

jest.setTimeout(90_000)

let child: ChildProcess | undefined
let persistDir: string

beforeAll(() => {
  persistDir = mkdtempSync(path.join(tmpdir(), 'devcloud-cli-'))
})
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  rmSync(persistDir, { recursive: true, force: true })
})

function waitForLine(process: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      for (const line of output.split('\n')) {
        const match = pattern.exec(line)
        if (match) {
          clearTimeout(timer)
          resolve(match)
        }
      }
    }
    process.stdout?.on('data', onData)
    process.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    process.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`devcloud exited with ${code} before it was ready; output:\n${output}`))
    })
  })
}

test('starts, seeds, serves, and stops on SIGTERM with exit code 0', async () => {
  child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['dev/cloud/cli.ts', '--port', '0', '--persist-dir', persistDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const [, url] = await waitForLine(child, /^devcloud ready on (http:\/\/127\.0\.0\.1:\d+)$/, 80_000)

  const product = await fetch(`${url}/devcloud/v1/db/products/prod-longjing-tea`)
  expect(product.status).toBe(200)
  expect(await product.json()).toMatchObject({ title: '明前龙井 250g', priceFen: 16800 })
  const merchant = await fetch(`${url}/devcloud/v1/db/merchants/dev-merchant`)
  expect(await merchant.json()).toMatchObject({ role: 'owner' })

  const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(readFileSync(path.join(persistDir, 'oplog.jsonl'), 'utf8')).toContain('prod-longjing-tea')
})
