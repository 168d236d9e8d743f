// The batch preview: every pasted line checked before anything is written — number shape, carrier
// (given, detected, or ambiguous and waiting for the merchant's pick), duplicates within the batch,
// and numbers already on an order (from merchantConsole `lookupNumbers`). Only `ready` and
// `warning` rows are submitted; the server re-checks every entry anyway.
import type { BackfillEntry } from '@core/api/backfill'
import { checkTrackingNumber } from '@core/carriers/checkTrackingNumber'
import type { CarrierCode } from '@core/carriers/carrierRegistry'
import { carrierInfo } from '@core/carriers/carrierRegistry'
import { detectCarrier } from '@core/carriers/detectCarrier'
import { normaliseTrackingNumber } from '@core/carriers/normaliseTrackingNumber'
import type { BatchLine, LineProblem } from './parseBatchLines'

export type RowState = 'ready' | 'warning' | 'needs_carrier' | 'error' | 'skipped'

export type RowIssue =
  | { kind: 'parse'; problem: LineProblem; detail: string }
  | { kind: 'invalid_number'; detail: 'empty' | 'bad_characters' | 'too_short' | 'too_long' | 'invalid_check_digit' }
  | { kind: 'ambiguous'; candidates: CarrierCode[] }
  | { kind: 'unrecognised' }
  | { kind: 'duplicate_in_batch'; otherLines: number[] }
  | { kind: 'on_other_order'; otherOrderId: string }
  | { kind: 'pattern_mismatch'; carrier: CarrierCode; detected: CarrierCode[] }
  | { kind: 'low_confidence'; carrier: CarrierCode }
  | { kind: 'check_digit' }
  | { kind: 'repeated_line'; firstLine: number }
  | { kind: 'already_on_order'; parcelId: string }
  | { kind: 'phone_tail_from_order'; carrier: CarrierCode }

/** What an issue does to its row; `note` issues are shown but change nothing. */
const SEVERITY: Record<RowIssue['kind'], 'error' | 'needs_carrier' | 'warning' | 'skipped' | 'note'> = {
  parse: 'error',
  invalid_number: 'error',
  duplicate_in_batch: 'error',
  on_other_order: 'error',
  ambiguous: 'needs_carrier',
  unrecognised: 'needs_carrier',
  pattern_mismatch: 'warning',
  low_confidence: 'warning',
  check_digit: 'warning',
  repeated_line: 'skipped',
  already_on_order: 'note',
  phone_tail_from_order: 'note',
}
const STATE_ORDER: RowState[] = ['error', 'needs_carrier', 'skipped', 'warning', 'ready']

export interface PreviewRow {
  lineNo: number
  raw: string
  orderId: string | null
  /** Normalised when the number is well formed, as written otherwise. */
  trackingNo: string
  carrier: CarrierCode | null
  carrierSource: 'given' | 'detected' | null
  phoneTail: string | null
  state: RowState
  issues: RowIssue[]
}

export interface UsedNumber {
  trackingNo: string
  parcelId: string
  orderId: string
}

export interface BatchPreview {
  rows: PreviewRow[]
  counts: Record<RowState, number>
  /** What submitting sends, in line order; the carrier is the one the preview showed. */
  entries: Array<{ lineNo: number; entry: BackfillEntry }>
}

/** What stops a row from being submitted (the first such issue), or null when nothing does. */
export function blockingIssue(row: Pick<PreviewRow, 'issues'>): RowIssue | null {
  return row.issues.find((issue) => SEVERITY[issue.kind] === 'error' || SEVERITY[issue.kind] === 'needs_carrier') ?? null
}

function stateOf(issues: RowIssue[]): RowState {
  const severities = new Set<string>(issues.map((issue) => SEVERITY[issue.kind]))
  return STATE_ORDER.find((state) => severities.has(state)) ?? 'ready'
}

function checkLine(line: BatchLine): Omit<PreviewRow, 'state'> {
  if (!line.ok)
    return {
      lineNo: line.lineNo,
      raw: line.raw,
      orderId: null,
      trackingNo: '',
      carrier: null,
      carrierSource: null,
      phoneTail: null,
      issues: [{ kind: 'parse', problem: line.problem, detail: line.detail }],
    }
  const { orderId, trackingNo, carrier, phoneTail } = line.fields
  const base = { lineNo: line.lineNo, raw: line.raw, orderId, phoneTail }
  const issues: RowIssue[] = []
  const normalised = normaliseTrackingNumber(trackingNo)
  if (!normalised.ok)
    return {
      ...base,
      trackingNo,
      carrier,
      carrierSource: carrier ? 'given' : null,
      issues: [{ kind: 'invalid_number', detail: normalised.detail }],
    }
  const number = normalised.trackingNo
  const detection = detectCarrier(number)
  // A failed UPU S10 check digit is almost surely a typo; with a carrier given the server accepts it
  // (the merchant's choice stands), so the preview warns instead of refusing.
  if (!detection.ok && detection.reason === 'invalid_check_digit') {
    if (!carrier)
      return {
        ...base,
        trackingNo: number,
        carrier,
        carrierSource: null,
        issues: [{ kind: 'invalid_number', detail: 'invalid_check_digit' }],
      }
    issues.push({ kind: 'check_digit' })
  }
  let chosen: CarrierCode | null = carrier
  if (carrier) {
    const checked = checkTrackingNumber({ carrier, trackingNo: number, phoneTail })
    for (const warning of checked.ok ? checked.warnings : []) {
      if (warning.kind === 'pattern_mismatch')
        issues.push({ kind: 'pattern_mismatch', carrier, detected: warning.detected.map((candidate) => candidate.carrier) })
    }
  } else if (detection.ok) {
    chosen = detection.carrier
    if (detection.confidence === 'low') issues.push({ kind: 'low_confidence', carrier: detection.carrier })
  } else if (detection.reason === 'ambiguous') {
    issues.push({ kind: 'ambiguous', candidates: detection.candidates.map((candidate) => candidate.carrier) })
  } else {
    issues.push({ kind: 'unrecognised' })
  }
  // The server takes a missing tail from the order's receiver phone (its last 4 digits are kept clear).
  if (chosen && !phoneTail && carrierInfo(chosen).phoneTail === 'required') issues.push({ kind: 'phone_tail_from_order', carrier: chosen })
  return { ...base, trackingNo: number, carrier: chosen, carrierSource: carrier ? 'given' : chosen ? 'detected' : null, issues }
}

/** The same number twice: once more for the same order and carrier is a repeat (sent once); on
 * different orders or carriers it is a conflict only the merchant can settle, so all those lines stop. */
function markDuplicates(rows: Array<Omit<PreviewRow, 'state'>>): void {
  const groups = new Map<string, Array<Omit<PreviewRow, 'state'>>>()
  for (const row of rows) {
    if (row.orderId === null || row.issues.some((issue) => issue.kind === 'invalid_number')) continue
    groups.set(row.trackingNo, [...(groups.get(row.trackingNo) ?? []), row])
  }
  for (const group of groups.values()) {
    const [first, ...repeats] = group
    if (!first || repeats.length === 0) continue
    const identities = new Set(group.map((row) => `${row.orderId}|${row.carrier ?? ''}`))
    if (identities.size === 1) {
      for (const row of repeats) row.issues.push({ kind: 'repeated_line', firstLine: first.lineNo })
      continue
    }
    for (const row of group)
      row.issues.push({ kind: 'duplicate_in_batch', otherLines: group.filter((other) => other !== row).map((other) => other.lineNo) })
  }
}

function markUsed(rows: Array<Omit<PreviewRow, 'state'>>, used: readonly UsedNumber[]): void {
  for (const row of rows) {
    if (row.orderId === null) continue
    const matches = used.filter((entry) => entry.trackingNo === row.trackingNo)
    const elsewhere = matches.find((entry) => entry.orderId !== row.orderId)
    const [same] = matches
    if (elsewhere) row.issues.push({ kind: 'on_other_order', otherOrderId: elsewhere.orderId })
    else if (same) row.issues.push({ kind: 'already_on_order', parcelId: same.parcelId })
  }
}

/** The numbers to ask `lookupNumbers` about: well-formed and unique. */
export function numbersToLookUp(lines: readonly BatchLine[]): string[] {
  const numbers = new Set<string>()
  for (const line of lines) {
    if (!line.ok) continue
    const normalised = normaliseTrackingNumber(line.fields.trackingNo)
    if (normalised.ok) numbers.add(normalised.trackingNo)
  }
  return [...numbers]
}

export function previewBatch(lines: readonly BatchLine[], used: readonly UsedNumber[]): BatchPreview {
  const checked = lines.map(checkLine)
  markDuplicates(checked)
  markUsed(checked, used)
  const rows: PreviewRow[] = checked.map((row) => ({ ...row, state: stateOf(row.issues) }))
  const counts: Record<RowState, number> = { ready: 0, warning: 0, needs_carrier: 0, error: 0, skipped: 0 }
  for (const row of rows) counts[row.state] += 1
  const entries = rows
    .filter((row) => (row.state === 'ready' || row.state === 'warning') && row.orderId !== null && row.carrier !== null)
    .map((row) => ({
      lineNo: row.lineNo,
      entry: {
        orderId: row.orderId as string,
        trackingNo: row.trackingNo,
        carrier: row.carrier as CarrierCode,
        ...(row.phoneTail ? { phoneTail: row.phoneTail } : {}),
      },
    }))
  return { rows, counts, entries }
}

/** The line rewritten with the carrier the merchant picked, so the text stays the one source of truth. */
export function lineWithCarrier(row: Pick<PreviewRow, 'orderId' | 'trackingNo' | 'phoneTail'>, carrier: CarrierCode): string {
  return [row.orderId ?? '', row.trackingNo, carrier, ...(row.phoneTail ? [row.phoneTail] : [])].join(',')
}
