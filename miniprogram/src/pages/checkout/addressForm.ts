// The H5 address form (weapp uses wx.chooseAddress). The authoritative check is createOrder's zod
// schema (core/api addressInput); this mirrors it so the shopper hears about a mistake before
// paying, without shipping zod in the page bundle. addressForm.test.ts holds the two in agreement.
import type { AddressInput } from '@core/api'

export const ADDRESS_FIELDS = ['userName', 'telNumber', 'provinceName', 'cityName', 'countyName', 'detailInfo'] as const
export type AddressField = (typeof ADDRESS_FIELDS)[number]
export type AddressFields = Record<AddressField, string>

export const EMPTY_ADDRESS: AddressFields = { userName: '', telNumber: '', provinceName: '', cityName: '', countyName: '', detailInfo: '' }

const LIMITS: Record<AddressField, number> = {
  userName: 40,
  telNumber: 20,
  provinceName: 20,
  cityName: 30,
  countyName: 30,
  detailInfo: 120,
}
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/

export type AddressCheck = { ok: true; address: AddressInput } | { ok: false; reason: 'incomplete' | 'invalid_phone'; field: AddressField }

export function checkAddress(fields: AddressFields): AddressCheck {
  const trimmed = Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, fields[field].trim()])) as AddressFields
  for (const field of ADDRESS_FIELDS) {
    const value = trimmed[field]
    // 区县 may be empty (municipality districts are sometimes given as the city).
    if ((value.length === 0 && field !== 'countyName') || value.length > LIMITS[field]) return { ok: false, reason: 'incomplete', field }
  }
  if (!PHONE.test(trimmed.telNumber)) return { ok: false, reason: 'invalid_phone', field: 'telNumber' }
  return { ok: true, address: { ...trimmed, postalCode: '' } }
}
