import { loadPipelineConfig } from './config'

const kdniao = {
  TRACKING_VENDOR: 'kdniao',
  KDNIAO_EBUSINESS_ID: '1900001',
  KDNIAO_APP_KEY: 'app-key-secret-1',
  KDNIAO_API_URL: 'http://127.0.0.1:8790/',
}
const kuaidi100 = {
  KUAIDI100_CUSTOMER: 'CUSTOMER0001',
  KUAIDI100_KEY: 'key-secret-1',
  KUAIDI100_SALT: 'salt-secret-1',
  KUAIDI100_API_URL: 'http://127.0.0.1:8790',
  TRACKING_PUSH_BASE_URL: 'http://127.0.0.1:8787',
}

describe('pipeline configuration', () => {
  it('lists every missing key at once, by name only', () => {
    const result = loadPipelineConfig({ TRACKING_VENDOR: 'kuaidi100', KUAIDI100_KEY: 'key-secret-1' })
    expect(result).toEqual({
      ok: false,
      missing: ['KUAIDI100_CUSTOMER', 'KUAIDI100_SALT', 'KUAIDI100_API_URL', 'TRACKING_PUSH_BASE_URL'],
      invalid: [],
      message: 'configuration incomplete (missing: KUAIDI100_CUSTOMER, KUAIDI100_SALT, KUAIDI100_API_URL, TRACKING_PUSH_BASE_URL)',
    })
  })

  it('never echoes a value, even an invalid one', () => {
    const result = loadPipelineConfig({ ...kdniao, KDNIAO_APP_KEY: 'short', WAREHOUSE_HMAC_SECRET: 'tiny-secret', VENDOR_QPS: 'fast' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.invalid).toEqual(['KDNIAO_APP_KEY', 'VENDOR_QPS', 'WAREHOUSE_HMAC_SECRET'])
      expect(result.message).not.toMatch(/short|tiny-secret|fast/)
    }
  })

  it.each([
    ['no vendor at all', {}, ['TRACKING_VENDOR']],
    ['a vendor name we do not know', { TRACKING_VENDOR: 'aftership' }, []],
  ])('%s', (_case, env, missing) => {
    const result = loadPipelineConfig(env)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.missing).toEqual(missing)
  })

  it('takes the selected vendor, the other one when fully set, and defaults for the limits', () => {
    const result = loadPipelineConfig({ ...kdniao, ...kuaidi100, MERCHANT_OPENIDS: ' o-a, o-b ,o-a,' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.config.vendor).toBe('kdniao')
    expect(result.config.kdniao).toEqual({ eBusinessId: '1900001', appKey: 'app-key-secret-1', apiUrl: 'http://127.0.0.1:8790' })
    expect(result.config.kuaidi100?.pushBaseUrl).toBe('http://127.0.0.1:8787')
    expect(result.config.merchantOpenids).toEqual(['o-a', 'o-b'])
    expect(result.config.warehouseSecret).toBeNull()
    expect(result.config.limits).toEqual({
      pollSilentAfterMs: 6 * 3600_000,
      pollBatch: 50,
      subscribeBatch: 100,
      vendorQps: 5,
      refreshMinIntervalMs: 600_000,
      subscribeInlineBudgetMs: 2000,
    })
  })

  it('requires the whole section of a second vendor once one of its keys is set', () => {
    const result = loadPipelineConfig({ ...kdniao, KUAIDI100_KEY: 'key-secret-1' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.missing).toEqual(['KUAIDI100_CUSTOMER', 'KUAIDI100_SALT', 'KUAIDI100_API_URL', 'TRACKING_PUSH_BASE_URL'])
  })
})
