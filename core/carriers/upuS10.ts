// UPU S10 international postal item ids (aggregators.md §8): 2 service letters, 8 serial digits, a
// check digit, and the ISO 3166 alpha-2 of the issuing post. Verified: RR123456785CN valid,
// RR123456784CN invalid.
const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7]

export type S10Result =
  | { kind: 'not_s10' }
  | { kind: 'bad_check_digit' }
  | { kind: 'valid'; service: string; country: string }

export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0)
  const check = 11 - (sum % 11)
  return check === 10 ? 0 : check === 11 ? 5 : check
}

export function parseS10(trackingNo: string): S10Result {
  const match = S10.exec(trackingNo)
  if (!match) return { kind: 'not_s10' }
  const [, service, serial, check, country] = match
  return s10CheckDigit(serial) === Number(check) ? { kind: 'valid', service, country } : { kind: 'bad_check_digit' }
}
