import { CARRIERS, CARRIER_CODES } from '../../core/carriers'
import { EXPRESS_COMPANIES, expressCompanyOf } from './expressCompanyTable'

test('every carrier we accept has a WeChat express_company, and no code names two carriers', () => {
  expect(Object.keys(EXPRESS_COMPANIES).sort()).toEqual([...CARRIER_CODES].sort())
  const ids = Object.values(EXPRESS_COMPANIES).map((company) => company.deliveryId)
  expect(new Set(ids).size).toBe(ids.length)
})

test.each([
  ['SF', 'SF'],
  ['YTO', 'YTO'],
  ['YD', 'YD'],
  ['ZTO', 'ZTO'],
  ['STO', 'STO'],
] as const)("%s is WeChat's confirmed %s", (carrier, id) => {
  expect(EXPRESS_COMPANIES[carrier]).toEqual({ deliveryId: id, confirmed: true })
})

test("the table agrees with the carrier registry's WeChat column (two sources cannot drift)", () => {
  for (const carrier of CARRIERS) expect([carrier.code, expressCompanyOf(carrier.code)]).toEqual([carrier.code, carrier.wechat.code])
})

test('韵达 is YD, not the channels code YUNDA', () => {
  expect(expressCompanyOf('YD')).toBe('YD')
})
