// Carrier codes per vendor (reference/aggregators.md §7). The short uppercase code is the one our
// APIs use (DESIGN §5) and equals Kdniao's ShipperCode; Kuaidi100 uses lowercase pinyin codes.
// `phoneTail` lists the vendors that refuse to answer without the phone's last four digits.

export type Vendor = 'kdniao' | 'kuaidi100'

export interface Carrier {
  code: string
  name: string
  kdniao: string
  /** First entry is the code the sandbox renders; the rest are accepted aliases. */
  kuaidi100: readonly string[]
  phoneTail: readonly Vendor[]
}

export const CARRIERS: readonly Carrier[] = [
  { code: 'SF', name: '顺丰速运', kdniao: 'SF', kuaidi100: ['shunfeng'], phoneTail: ['kdniao', 'kuaidi100'] },
  { code: 'ZTO', name: '中通快递', kdniao: 'ZTO', kuaidi100: ['zhongtong'], phoneTail: [] },
  { code: 'YTO', name: '圆通速递', kdniao: 'YTO', kuaidi100: ['yuantong'], phoneTail: [] },
  { code: 'STO', name: '申通快递', kdniao: 'STO', kuaidi100: ['shentong'], phoneTail: [] },
  { code: 'YD', name: '韵达速递', kdniao: 'YD', kuaidi100: ['yunda'], phoneTail: [] },
  { code: 'JD', name: '京东快递', kdniao: 'JD', kuaidi100: ['jd'], phoneTail: [] },
  { code: 'EMS', name: 'EMS', kdniao: 'EMS', kuaidi100: ['ems', 'emsguoji'], phoneTail: [] },
  { code: 'YZPY', name: '邮政快递包裹', kdniao: 'YZPY', kuaidi100: ['youzhengguonei', 'youzhengguoji'], phoneTail: [] },
  { code: 'JTSD', name: '极兔速递', kdniao: 'JTSD', kuaidi100: ['jtexpress'], phoneTail: [] },
  { code: 'HTKY', name: '百世快递', kdniao: 'HTKY', kuaidi100: ['huitongkuaidi'], phoneTail: [] },
  { code: 'DBL', name: '德邦快递', kdniao: 'DBL', kuaidi100: ['debangkuaidi'], phoneTail: [] },
  { code: 'ZJS', name: '宅急送', kdniao: 'ZJS', kuaidi100: ['zhaijisong'], phoneTail: [] },
  { code: 'FWX', name: '丰网速运', kdniao: 'FWX', kuaidi100: ['fengwang'], phoneTail: ['kuaidi100'] },
  { code: 'DNWL', name: '丹鸟', kdniao: 'DNWL', kuaidi100: ['danniao'], phoneTail: [] },
  { code: 'HHTT', name: '天天快递', kdniao: 'HHTT', kuaidi100: ['tiantian'], phoneTail: [] },
]

export function carrierByCode(code: string): Carrier | undefined {
  return CARRIERS.find((carrier) => carrier.code === code)
}

export function carrierByKdniaoCode(shipperCode: string): Carrier | undefined {
  return CARRIERS.find((carrier) => carrier.kdniao === shipperCode)
}

export function carrierByKuaidi100Com(com: string): Carrier | undefined {
  return CARRIERS.find((carrier) => carrier.kuaidi100.includes(com))
}

export function needsPhoneTail(carrier: Carrier, vendor: Vendor): boolean {
  return carrier.phoneTail.includes(vendor)
}
