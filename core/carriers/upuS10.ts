// UPU S10 international postal item ids (aggregators.md §8): 2 service letters, 8 serial digits, a
// check digit, and the ISO 3166 alpha-2 of the issuing post. Verified: RR123456785CN valid,
// RR123456784CN invalid.
const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7]

export type S10Result = { kind: 'not_s10' } | { kind: 'bad_check_digit' } | { kind: 'valid'; service: string; country: string }

export function s10CheckDigit(serial: string): number {
  const sum = WEIGHTS.reduce((total, weight, index) => total + Number(serial.charAt(index)) * weight, 0)
  const check = 11 - (sum % 11)
  return check === 10 ? 0 : check === 11 ? 5 : check
}

export function parseS10(trackingNo: string): S10Result {
  const [, service, serial, check, country] = S10.exec(trackingNo) ?? []
  if (service === undefined || serial === undefined || check === undefined || country === undefined) return { kind: 'not_s10' }
  return s10CheckDigit(serial) === Number(check) ? { kind: 'valid', service, country } : { kind: 'bad_check_digit' }
}
