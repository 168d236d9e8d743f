// Vendor status codes → unified status. Never throws: an unknown code keeps its raw value and maps
// to a safe status, because vendors add codes without notice (aggregators.md §3.4 "open enums").
import { AFTERSHIP_SUBTAG_TABLE, AFTERSHIP_TAG_TABLE } from './mappings/afterShipStatusTable'
import { KDNIAO_STATUS_TABLE } from './mappings/kdniaoStatusTable'
import { KUAIDI100_STATUS_TABLE } from './mappings/kuaidi100StatusTable'
import type { StatusMappingRow } from './mappings/types'
import { STATUSES, type UnifiedStatus } from './statuses'
import type { SubStatus } from './subStatuses'

export interface StatusMapping {
  status: UnifiedStatus
  subStatus?: SubStatus
  /** The vendor's code, verbatim (trimmed). */
  rawCode: string
  /** False when the code is not in our table and the status is a fallback. */
  known: boolean
}

const byCode = (rows: readonly StatusMappingRow[]) => new Map(rows.map((row) => [row.code, row]))
const KDNIAO = byCode(KDNIAO_STATUS_TABLE)
const KUAIDI100 = byCode(KUAIDI100_STATUS_TABLE)
const AFTERSHIP_TAGS = byCode(AFTERSHIP_TAG_TABLE)
const AFTERSHIP_SUBTAGS = byCode(AFTERSHIP_SUBTAG_TABLE)

function known(row: StatusMappingRow, rawCode: string): StatusMapping {
  return row.subStatus
    ? { status: row.status, subStatus: row.subStatus, rawCode, known: true }
    : { status: row.status, rawCode, known: true }
}

// An unknown code falls back to its family's base status, but never to a terminal one: a terminal
// status stops polling, so guessing one silently ends tracking, while guessing IN_TRANSIT costs at
// most one extra poll.
function unknown(rawCode: string, family: StatusMappingRow | undefined): StatusMapping {
  const status: UnifiedStatus = family && !STATUSES[family.status].terminal ? family.status : 'IN_TRANSIT'
  return { status, rawCode, known: false }
}

/** Kdniao `State`, `StateEx` or trace `Action` (one namespace). */
export function mapKdniaoStatus(code: string | number): StatusMapping {
  const rawCode = String(code).trim()
  const row = KDNIAO.get(rawCode)
  // Kdniao's 增值 codes are their base State followed by two digits (201 → 2, 412 → 4).
  return row ? known(row, rawCode) : unknown(rawCode, rawCode.length === 3 ? KDNIAO.get(rawCode.charAt(0)) : undefined)
}

/** Kuaidi100 base `state` or advanced `statusCode`. */
export function mapKuaidi100Status(code: string | number): StatusMapping {
  const rawCode = String(code).trim()
  const row = KUAIDI100.get(rawCode)
  if (row) return known(row, rawCode)
  // Three-digit advanced codes start with their base state (204 → 2); the 100x family is base 0 在途.
  const family = rawCode.length === 3 ? rawCode.charAt(0) : /^100\d$/.test(rawCode) ? '0' : undefined
  return unknown(rawCode, family === undefined ? undefined : KUAIDI100.get(family))
}

/** AfterShip checkpoint or tracking `tag` with optional `subtag` (e.g. `Exception`, `Exception_011`). */
export function mapAfterShipStatus(tag: string, subtag?: string): StatusMapping {
  const rawCode = subtag?.trim() || tag.trim()
  const subRow = subtag ? AFTERSHIP_SUBTAGS.get(subtag.trim()) : undefined
  if (subRow) return known(subRow, rawCode)
  const tagRow = AFTERSHIP_TAGS.get(tag.trim()) ?? AFTERSHIP_TAGS.get(rawCode.split('_')[0] ?? rawCode)
  // A known tag with an unlisted subtag is still known: the subtag only refines it.
  return tagRow ? known(tagRow, rawCode) : unknown(rawCode, undefined)
}
