import { addressInput } from '@core/api'
import { checkAddress, EMPTY_ADDRESS, type AddressFields } from './addressForm'

const valid: AddressFields = {
  userName: '王小明',
  telNumber: '13800138000',
  provinceName: '上海市',
  cityName: '上海市',
  countyName: '徐汇区',
  detailInfo: '漕溪北路 88 号',
}

describe('checkAddress', () => {
  it.each([
    ['a complete address', valid, true],
    ['spaces around values', { ...valid, userName: '  王小明 ' }, true],
    ['no county', { ...valid, countyName: '' }, true],
    ['a landline with area code', { ...valid, telNumber: '021-64000000' }, true],
    ['nothing', EMPTY_ADDRESS, false],
    ['no name', { ...valid, userName: ' ' }, false],
    ['no street', { ...valid, detailInfo: '' }, false],
    ['letters for a phone', { ...valid, telNumber: 'call me' }, false],
    ['a too short phone', { ...valid, telNumber: '123' }, false],
    ['a too long street', { ...valid, detailInfo: '路'.repeat(121) }, false],
  ])("%s: agrees with createOrder's schema", (_case, fields, ok) => {
    const check = checkAddress(fields)
    expect(check.ok).toBe(ok)
    expect(addressInput.safeParse(check.ok ? check.address : { ...fields, postalCode: '' }).success).toBe(ok)
  })

  it('names the field to fix', () => {
    expect(checkAddress({ ...valid, telNumber: 'x' })).toEqual({ ok: false, reason: 'invalid_phone', field: 'telNumber' })
    expect(checkAddress({ ...valid, cityName: '' })).toEqual({ ok: false, reason: 'incomplete', field: 'cityName' })
  })
})
