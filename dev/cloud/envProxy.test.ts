import { installEnvProxy, runWithEnv } from './envProxy'

let uninstall: () => void
beforeAll(() => {
  uninstall = installEnvProxy()
})
afterAll(() => uninstall())

const isolated = (vars: Record<string, string>) => ({ vars, inherits: (key: string) => key === 'PATH' })

test('concurrent invocations each see their own variables across awaits', async () => {
  const seen = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      runWithEnv(isolated({ WX_OPENID: `o-${index}` }), async () => {
        await new Promise((resolve) => setTimeout(resolve, (index * 7) % 11))
        return process.env.WX_OPENID
      }),
    ),
  )
  expect(seen).toEqual(Array.from({ length: 20 }, (_, index) => `o-${index}`))
})

test('outside an invocation the real environment is untouched', () => {
  runWithEnv(isolated({ DEVCLOUD_PROBE: 'inner' }), () => {
    process.env.DEVCLOUD_WRITTEN = 'inner-write'
  })
  expect(process.env.DEVCLOUD_PROBE).toBeUndefined()
  expect(process.env.DEVCLOUD_WRITTEN).toBeUndefined()
})

test('an invocation sees only what it inherits from the real environment', () => {
  process.env.DEVCLOUD_REAL_ONLY = 'real'
  try {
    runWithEnv(isolated({ OWN: '1' }), () => {
      expect(process.env.DEVCLOUD_REAL_ONLY).toBeUndefined()
      expect('DEVCLOUD_REAL_ONLY' in process.env).toBe(false)
      expect(process.env.PATH).toBe(process.env.PATH)
      expect(Object.keys(process.env)).toEqual(expect.arrayContaining(['OWN']))
      expect(Object.keys(process.env)).not.toContain('DEVCLOUD_REAL_ONLY')
      expect({ ...process.env }.OWN).toBe('1')
    })
  } finally {
    delete process.env.DEVCLOUD_REAL_ONLY
  }
})

test('installs once and restores the original object when the last user leaves', () => {
  const original = process.env
  const second = installEnvProxy()
  second()
  expect(process.env).toBe(original)
})
