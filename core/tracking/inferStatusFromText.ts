import { TEXT_STATUS_RULES } from './mappings/textStatusRules'
import type { UnifiedStatus } from './statuses'
import type { SubStatus } from './subStatuses'

/** Best-effort status of an uncoded trace line; IN_TRANSIT when nothing matches. */
export function inferStatusFromText(text: string): { status: UnifiedStatus; subStatus?: SubStatus } {
  const rule = TEXT_STATUS_RULES.find(({ pattern }) => pattern.test(text))
  if (!rule) return { status: 'IN_TRANSIT' }
  return rule.subStatus ? { status: rule.status, subStatus: rule.subStatus } : { status: rule.status }
}
