import { AFTERSHIP_SUBTAG_TABLE, AFTERSHIP_TAG_TABLE } from './mappings/afterShipStatusTable'
import { KDNIAO_STATUS_TABLE } from './mappings/kdniaoStatusTable'
import { KUAIDI100_STATUS_TABLE } from './mappings/kuaidi100StatusTable'
import { TEXT_STATUS_RULES } from './mappings/textStatusRules'
import { isTerminal, statusLabel, subStatusLabel } from './labels'
import { STATUSES, UNIFIED_STATUSES } from './statuses'
import { SUB_STATUS_CODES } from './subStatuses'

// aggregators.md §5, transcribed: status, rank, terminal.
const REFERENCE = [
  ['PENDING', 0, false],
  ['INFO_RECEIVED', 10, false],
  ['PICKED_UP', 20, false],
  ['IN_TRANSIT', 30, false],
  ['OUT_FOR_DELIVERY', 40, false],
  ['AWAITING_PICKUP', 45, false],
  ['DELIVERY_FAILED', 45, false],
  ['DELIVERED', 100, true],
  ['EXCEPTION', 45, false],
  ['RETURNING', 50, false],
  ['RETURNED', 100, true],
  ['CANCELLED', 100, true],
  ['EXPIRED', 90, true],
] as const

describe('unified statuses', () => {
  it('are the 13 of DESIGN §4, in its order', () => {
    expect(UNIFIED_STATUSES).toEqual(REFERENCE.map(([status]) => status))
  })

  it.each(REFERENCE)('%s has rank %d and terminal=%s', (status, rank, terminal) => {
    expect(STATUSES[status].rank).toBe(rank)
    expect(isTerminal(status)).toBe(terminal)
    expect(statusLabel(status, 'zh-CN')).toMatch(/\S/)
    expect(statusLabel(status, 'en')).toMatch(/^[A-Z]/)
  })

  it('gives every sub-status labels and a home in some status vocabulary', () => {
    const used = new Set(UNIFIED_STATUSES.flatMap((status) => [...STATUSES[status].subStatuses]))
    for (const subStatus of SUB_STATUS_CODES) {
      expect(used.has(subStatus)).toBe(true)
      expect(subStatusLabel(subStatus, 'zh-CN')).toMatch(/\S/)
      expect(subStatusLabel(subStatus, 'en')).toMatch(/\S/)
    }
    expect(SUB_STATUS_CODES).toHaveLength(29)
  })
})

describe.each([
  ['Kdniao', KDNIAO_STATUS_TABLE],
  ['Kuaidi100', KUAIDI100_STATUS_TABLE],
  ['AfterShip tags', AFTERSHIP_TAG_TABLE],
  ['AfterShip subtags', AFTERSHIP_SUBTAG_TABLE],
  ['text rules', TEXT_STATUS_RULES.map((rule) => ({ ...rule, code: rule.pattern.source }))],
])('%s mapping table', (_name, rows) => {
  it('uses only sub-statuses from the status vocabulary', () => {
    for (const row of rows) {
      if (row.subStatus) expect([row.code, STATUSES[row.status].subStatuses]).toEqual([row.code, expect.arrayContaining([row.subStatus])])
    }
  })

  it('lists each code once', () => {
    const codes = rows.map((row) => row.code)
    expect(new Set(codes).size).toBe(codes.length)
  })
})

it('text inference never claims a status a vendor would have to state (RETURNED, CANCELLED, EXPIRED)', () => {
  for (const rule of TEXT_STATUS_RULES) expect(['RETURNED', 'CANCELLED', 'EXPIRED']).not.toContain(rule.status)
})
