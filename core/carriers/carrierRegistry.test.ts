import { CARRIERS, carrierInfo, isCarrierCode } from './carrierRegistry'
import { carrierFromKdniao, carrierFromKuaidi100, kdniaoCodeFor, kuaidi100CodeFor } from './vendorCarrierCodes'

describe('carrier registry', () => {
  it('lists at least 25 carriers with unique short uppercase codes and both names', () => {
    expect(CARRIERS.length).toBeGreaterThanOrEqual(25)
    const codes = CARRIERS.map((carrier) => carrier.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const carrier of CARRIERS) {
      expect(carrier.code).toMatch(/^[A-Z]{2,6}$/)
      expect(carrier.names['zh-CN']).toMatch(/\S/)
      expect(carrier.names.en).toMatch(/\S/)
      expect(carrier.kdniao.length).toBeGreaterThan(0)
    }
  })

  it.each([
    ['Kdniao', (carrier: (typeof CARRIERS)[number]) => carrier.kdniao.map((code) => code.toUpperCase())],
    ['Kuaidi100', (carrier: (typeof CARRIERS)[number]) => carrier.kuaidi100.map((code) => code.toLowerCase())],
  ])('maps each %s code back to exactly one carrier', (_vendor, codesOf) => {
    const all = CARRIERS.flatMap((carrier) => codesOf(carrier))
    expect(new Set(all).size).toBe(all.length)
  })

  it('uses our code as the Kdniao code wherever Kdniao has one of that shape (DESIGN §5)', () => {
    for (const carrier of CARRIERS) {
      if (carrier.code !== 'FEDEX') expect(carrier.kdniao[0]).toBe(carrier.code)
    }
  })

  it.each([
    ['SF', 'required'],
    ['FWX', 'required'],
    ['ZTO', 'recommended'],
    ['YTO', 'none'],
    ['JD', 'none'],
  ] as const)('%s phone tail: %s', (code, rule) => {
    expect(carrierInfo(code).phoneTail).toBe(rule)
  })

  it('marks only the officially confirmed WeChat codes as confirmed', () => {
    const confirmed = CARRIERS.filter((carrier) => carrier.wechat.confirmed)
      .map((carrier) => carrier.code)
      .sort()
    expect(confirmed).toEqual(['SF', 'STO', 'YD', 'YTO', 'ZTO'])
  })

  it('knows its codes', () => {
    expect(isCarrierCode('SF')).toBe(true)
    expect(isCarrierCode('sf')).toBe(false)
    expect(isCarrierCode('SHUNFENG')).toBe(false)
  })
})

describe('vendor carrier codes', () => {
  it.each([
    ['SF', 'SF'],
    ['yto', 'YTO'],
    ['Fedex', 'FEDEX'],
    ['FEDEX_GJ', 'FEDEX'],
    [' JTSD ', 'JTSD'],
  ])('Kdniao %j → %s', (code, carrier) => {
    expect(carrierFromKdniao(code)).toEqual({ ok: true, carrier })
  })

  it.each([
    ['shunfeng', 'SF'],
    ['YuanTong', 'YTO'],
    ['youzhengguoji', 'YZPY'],
    ['emsguoji', 'EMS'],
    ['annengwuliu', 'ANE'],
    ['jtexpress', 'JTSD'],
  ])('Kuaidi100 %j → %s', (code, carrier) => {
    expect(carrierFromKuaidi100(code)).toEqual({ ok: true, carrier })
  })

  it('returns a typed failure for unknown vendor codes', () => {
    expect(carrierFromKdniao('XYZ')).toEqual({ ok: false, reason: 'unknown_vendor_carrier', vendor: 'kdniao', code: 'XYZ' })
    expect(carrierFromKuaidi100('huolala')).toEqual({ ok: false, reason: 'unknown_vendor_carrier', vendor: 'kuaidi100', code: 'huolala' })
  })

  it('translates our codes to what each vendor expects', () => {
    expect(kdniaoCodeFor('FEDEX')).toEqual({ ok: true, code: 'FEDEX_GJ' })
    expect(kuaidi100CodeFor('YZPY')).toEqual({ ok: true, code: 'youzhengguonei' })
    expect(kuaidi100CodeFor('YZBK')).toEqual({ ok: false, reason: 'carrier_not_supported_by_vendor', vendor: 'kuaidi100', carrier: 'YZBK' })
  })
})
