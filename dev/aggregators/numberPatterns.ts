// The sandbox's own number table for 2002 / autonumber (reference/aggregators.md §8), ordered by
// how much a match says: checked S10 first, then explicit letter prefixes, then numeric families
// (which overlap, so a number may get several candidates).

export interface NumberPattern {
  carrier: string
  pattern: RegExp
  /** S10 numbers carry a check digit; the pattern alone admits invalid ones. */
  s10?: true
}

export const NUMBER_PATTERNS: readonly NumberPattern[] = [
  { carrier: 'EMS', pattern: /^E[A-Z]\d{9}[A-Z]{2}$/, s10: true },
  { carrier: 'YZPY', pattern: /^[A-DF-Z][A-Z]\d{9}[A-Z]{2}$/, s10: true },
  { carrier: 'SF', pattern: /^SF\d{13}$|^SF[A-Z0-9]\d{12}$/ },
  { carrier: 'YTO', pattern: /^YT\d{13}$/ },
  { carrier: 'JTSD', pattern: /^JT\d{12,13}$/ },
  { carrier: 'JD', pattern: /^JD[A-Z0-9]{2}\d{11}$/ },
  { carrier: 'DBL', pattern: /^DPK\d{12}$/ },
  { carrier: 'ZTO', pattern: /^7[3-68]\d{12}$/ },
  { carrier: 'STO', pattern: /^(77|43)\d{12,15}$/ },
  { carrier: 'YD', pattern: /^[34]\d{14}$|^5\d{12}$/ },
  { carrier: 'EMS', pattern: /^[1589]\d{12}$/ },
]
