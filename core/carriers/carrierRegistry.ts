// The carriers we know, as data. Our code is the short uppercase code Kdniao and WeChat share
// (DESIGN §5); vendor codes stay here and in the adapters. Sources: aggregators.md §7 (Kdniao
// `misu99/kdniao:data/express_data.go`, Kuaidi100 MCP and public code tables), reference/wechat.md
// §5.2 for WeChat `express_company`.
//
// WeChat codes: only SF, YTO, YD, ZTO and STO are confirmed by an official reply; for the rest the
// Kdniao code is assumed and marked `confirmed: false` until a get_delivery_list dump is vendored.
//
// Phone tail (last 4 digits of sender/receiver phone): required by both vendors for SF and by
// Kuaidi100 for 丰网 FWX. ZTO is `recommended`: only Kuaidi100's map product and Kdniao 8001 on
// privacy waybills ask for it, so a number without it is accepted but the merchant is prompted and
// the tail is sent whenever we have it. Kuaidi100's 顺丰快运 also needs it, but its Kdniao code is
// UNVERIFIED, so that carrier is not listed.
export type PhoneTailRule = 'required' | 'recommended' | 'none'

export interface CarrierRecord {
  code: string
  names: { 'zh-CN': string; en: string }
  /** Kdniao ShipperCode(s); the first is the one we send. */
  kdniao: readonly string[]
  /** Kuaidi100 `com` code(s); the first is the one we send; empty when UNVERIFIED. */
  kuaidi100: readonly string[]
  /** AfterShip slug (UNVERIFIED against /couriers, aggregators.md §3.4). */
  aftership?: string
  wechat: { code: string; confirmed: boolean }
  phoneTail: PhoneTailRule
}

const wechat = (code: string, confirmed = false) => ({ code, confirmed })

export const CARRIERS = [
  {
    code: 'SF',
    names: { 'zh-CN': '顺丰速运', en: 'SF Express' },
    kdniao: ['SF'],
    kuaidi100: ['shunfeng'],
    aftership: 'sf-express',
    wechat: wechat('SF', true),
    phoneTail: 'required',
  },
  {
    code: 'ZTO',
    names: { 'zh-CN': '中通快递', en: 'ZTO Express' },
    kdniao: ['ZTO'],
    kuaidi100: ['zhongtong'],
    aftership: 'zto-express',
    wechat: wechat('ZTO', true),
    phoneTail: 'recommended',
  },
  {
    code: 'YTO',
    names: { 'zh-CN': '圆通速递', en: 'YTO Express' },
    kdniao: ['YTO'],
    kuaidi100: ['yuantong'],
    aftership: 'yto-express',
    wechat: wechat('YTO', true),
    phoneTail: 'none',
  },
  {
    code: 'STO',
    names: { 'zh-CN': '申通快递', en: 'STO Express' },
    kdniao: ['STO'],
    kuaidi100: ['shentong'],
    aftership: 'sto-express',
    wechat: wechat('STO', true),
    phoneTail: 'none',
  },
  {
    code: 'YD',
    names: { 'zh-CN': '韵达速递', en: 'Yunda Express' },
    kdniao: ['YD'],
    kuaidi100: ['yunda'],
    aftership: 'yunda',
    wechat: wechat('YD', true),
    phoneTail: 'none',
  },
  {
    code: 'JD',
    names: { 'zh-CN': '京东快递', en: 'JD Logistics' },
    kdniao: ['JD'],
    kuaidi100: ['jd'],
    aftership: 'jd',
    wechat: wechat('JD'),
    phoneTail: 'none',
  },
  {
    code: 'EMS',
    names: { 'zh-CN': 'EMS', en: 'China EMS' },
    kdniao: ['EMS'],
    kuaidi100: ['ems', 'emsguoji'],
    aftership: 'china-ems',
    wechat: wechat('EMS'),
    phoneTail: 'none',
  },
  {
    code: 'YZPY',
    names: { 'zh-CN': '邮政快递包裹', en: 'China Post Parcel' },
    kdniao: ['YZPY'],
    kuaidi100: ['youzhengguonei', 'youzhengguoji'],
    aftership: 'china-post',
    wechat: wechat('YZPY'),
    phoneTail: 'none',
  },
  {
    code: 'YZBK',
    names: { 'zh-CN': '邮政标准快递', en: 'China Post Standard Express' },
    kdniao: ['YZBK'],
    kuaidi100: [],
    wechat: wechat('YZBK'),
    phoneTail: 'none',
  },
  {
    code: 'JTSD',
    names: { 'zh-CN': '极兔速递', en: 'J&T Express' },
    kdniao: ['JTSD'],
    kuaidi100: ['jtexpress'],
    wechat: wechat('JTSD'),
    phoneTail: 'none',
  },
  {
    code: 'HTKY',
    names: { 'zh-CN': '百世快递', en: 'Best Express' },
    kdniao: ['HTKY'],
    kuaidi100: ['huitongkuaidi'],
    wechat: wechat('HTKY'),
    phoneTail: 'none',
  },
  {
    code: 'DBL',
    names: { 'zh-CN': '德邦快递', en: 'Deppon Express' },
    kdniao: ['DBL'],
    kuaidi100: ['debangkuaidi'],
    wechat: wechat('DBL'),
    phoneTail: 'none',
  },
  {
    code: 'DBLKY',
    names: { 'zh-CN': '德邦快运', en: 'Deppon Freight' },
    kdniao: ['DBLKY'],
    kuaidi100: ['debangwuliu'],
    wechat: wechat('DBLKY'),
    phoneTail: 'none',
  },
  {
    code: 'ZJS',
    names: { 'zh-CN': '宅急送', en: 'ZJS Express' },
    kdniao: ['ZJS'],
    kuaidi100: ['zhaijisong'],
    wechat: wechat('ZJS'),
    phoneTail: 'none',
  },
  {
    code: 'UC',
    names: { 'zh-CN': '优速快递', en: 'UC Express' },
    kdniao: ['UC'],
    kuaidi100: ['youshuwuliu'],
    wechat: wechat('UC'),
    phoneTail: 'none',
  },
  {
    code: 'FWX',
    names: { 'zh-CN': '丰网速运', en: 'Fengwang Express' },
    kdniao: ['FWX'],
    kuaidi100: ['fengwang'],
    wechat: wechat('FWX'),
    phoneTail: 'required',
  },
  {
    code: 'DNWL',
    names: { 'zh-CN': '丹鸟', en: 'Danniao' },
    kdniao: ['DNWL'],
    kuaidi100: ['danniao'],
    wechat: wechat('DNWL'),
    phoneTail: 'none',
  },
  // 安能快递 and 安能快运 share Kuaidi100's `annengwuliu`; it maps back to ANE only, so a code never
  // names two carriers (a Kuaidi100 push for it would otherwise be filed under the wrong parcel).
  {
    code: 'ANE',
    names: { 'zh-CN': '安能快递', en: 'ANE Express' },
    kdniao: ['ANE'],
    kuaidi100: ['annengwuliu'],
    wechat: wechat('ANE'),
    phoneTail: 'none',
  },
  {
    code: 'ANEKY',
    names: { 'zh-CN': '安能快运', en: 'ANE Freight' },
    kdniao: ['ANEKY'],
    kuaidi100: [],
    wechat: wechat('ANEKY'),
    phoneTail: 'none',
  },
  {
    code: 'KYSY',
    names: { 'zh-CN': '跨越速运', en: 'Kuayue Express' },
    kdniao: ['KYSY'],
    kuaidi100: ['kuayue'],
    wechat: wechat('KYSY'),
    phoneTail: 'none',
  },
  {
    code: 'ZTOKY',
    names: { 'zh-CN': '中通快运', en: 'ZTO Freight' },
    kdniao: ['ZTOKY'],
    kuaidi100: ['zhongtongkuaiyun'],
    wechat: wechat('ZTOKY'),
    phoneTail: 'none',
  },
  {
    code: 'YDKY',
    names: { 'zh-CN': '韵达快运', en: 'Yunda Freight' },
    kdniao: ['YDKY'],
    kuaidi100: ['yundakuaiyun'],
    wechat: wechat('YDKY'),
    phoneTail: 'none',
  },
  {
    code: 'HHTT',
    names: { 'zh-CN': '天天快递', en: 'TTK Express' },
    kdniao: ['HHTT'],
    kuaidi100: ['tiantian'],
    wechat: wechat('HHTT'),
    phoneTail: 'none',
  },
  {
    code: 'ZYE',
    names: { 'zh-CN': '众邮快递', en: 'Zhongyou Express' },
    kdniao: ['ZYE'],
    kuaidi100: [],
    wechat: wechat('ZYE'),
    phoneTail: 'none',
  },
  {
    code: 'DHL',
    names: { 'zh-CN': 'DHL', en: 'DHL' },
    kdniao: ['DHL'],
    kuaidi100: ['dhl'],
    aftership: 'dhl',
    wechat: wechat('DHL'),
    phoneTail: 'none',
  },
  {
    code: 'UPS',
    names: { 'zh-CN': 'UPS', en: 'UPS' },
    kdniao: ['UPS'],
    kuaidi100: ['ups'],
    aftership: 'ups',
    wechat: wechat('UPS'),
    phoneTail: 'none',
  },
  {
    code: 'TNT',
    names: { 'zh-CN': 'TNT', en: 'TNT' },
    kdniao: ['TNT'],
    kuaidi100: ['tnt'],
    aftership: 'tnt',
    wechat: wechat('TNT'),
    phoneTail: 'none',
  },
  // Kdniao lists FedEx international as FEDEX_GJ (and an older `Fedex`); our code drops the suffix.
  {
    code: 'FEDEX',
    names: { 'zh-CN': '联邦快递', en: 'FedEx' },
    kdniao: ['FEDEX_GJ', 'FEDEX'],
    kuaidi100: ['fedex'],
    aftership: 'fedex',
    wechat: wechat('FEDEX'),
    phoneTail: 'none',
  },
] as const satisfies readonly CarrierRecord[]

export type CarrierCode = (typeof CARRIERS)[number]['code']
export const CARRIER_CODES = CARRIERS.map((carrier) => carrier.code) as CarrierCode[]

const BY_CODE = new Map<string, CarrierRecord>(CARRIERS.map((carrier) => [carrier.code, carrier]))

export function isCarrierCode(code: string): code is CarrierCode {
  return BY_CODE.has(code)
}

export function carrierInfo(code: CarrierCode): CarrierRecord {
  const record = BY_CODE.get(code)
  if (!record) throw new Error(`carrier registry has no ${code}`) // unreachable for a CarrierCode
  return record
}
