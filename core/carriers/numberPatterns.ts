// Tracking-number shapes per carrier (aggregators.md §8; heuristics, formats overlap and change).
// Confidence: `high` for explicit letter prefixes, `medium` for numeric families, `low` for legacy
// or catch-all shapes that many carriers share. S10 postal ids are handled by upuS10.ts.
import type { CarrierCode } from './carrierRegistry'

export type Confidence = 'high' | 'medium' | 'low'

export interface NumberPattern {
  carrier: CarrierCode
  pattern: RegExp
  confidence: Confidence
  source: string
}

export const NUMBER_PATTERNS: readonly NumberPattern[] = [
  { carrier: 'SF', pattern: /^SF[0-9A-Z]\d{12}$/, confidence: 'high', source: 'BF-zh/Courier-Validation SF.ts' },
  { carrier: 'SF', pattern: /^\d{12}$/, confidence: 'low', source: 'older 12-digit numeric SF numbers' },
  { carrier: 'YTO', pattern: /^YT\d{13}$/, confidence: 'high', source: 'Courier-Validation YTO.ts' },
  { carrier: 'JTSD', pattern: /^JT\d{12,13}$/, confidence: 'high', source: 'Courier-Validation JT.ts; chinagoods UDF' },
  { carrier: 'JD', pattern: /^JD[A-Z0-9]{2}\d{11}$/, confidence: 'high', source: 'Courier-Validation JD.ts' },
  { carrier: 'DBL', pattern: /^DPK\d{12}$/, confidence: 'high', source: 'Courier-Validation DPK.ts' },
  { carrier: 'DBL', pattern: /^\d{8,10}$/, confidence: 'low', source: 'legacy Deppon numbers (chinagoods UDF)' },
  { carrier: 'ZTO', pattern: /^7[3-68]\d{12}$/, confidence: 'medium', source: 'Courier-Validation ZTO.ts' },
  { carrier: 'STO', pattern: /^(77|43)\d{12,15}$/, confidence: 'medium', source: 'Courier-Validation STO.ts' },
  { carrier: 'YD', pattern: /^[34]\d{14}$/, confidence: 'medium', source: 'Courier-Validation YUNDA.ts' },
  { carrier: 'YD', pattern: /^5\d{12}$/, confidence: 'medium', source: 'Courier-Validation YUNDA.ts' },
  // EMS and 邮政快递包裹 share the 13-digit China Post family; the prefix does not reliably tell them
  // apart, so both are candidates and the merchant chooses.
  { carrier: 'EMS', pattern: /^[1589]\d{12}$/, confidence: 'medium', source: 'Courier-Validation EMS.ts' },
  { carrier: 'YZPY', pattern: /^[1589]\d{12}$/, confidence: 'medium', source: 'Courier-Validation EMS.ts (China Post domestic)' },
  { carrier: 'ANE', pattern: /^\d{12}$/, confidence: 'low', source: 'chinagoods UDF: pure 12-digit numbers' },
  { carrier: 'UPS', pattern: /^1Z[0-9A-Z]{16}$/, confidence: 'high', source: 'jkeen/tracking_number_data ups.json' },
]
