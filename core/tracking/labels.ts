import { STATUSES, type Locale, type UnifiedStatus } from './statuses'
import { SUB_STATUSES, type SubStatus } from './subStatuses'

export function statusLabel(status: UnifiedStatus, locale: Locale = 'zh-CN'): string {
  return STATUSES[status].labels[locale]
}

export function subStatusLabel(subStatus: SubStatus, locale: Locale = 'zh-CN'): string {
  return SUB_STATUSES[subStatus][locale]
}

export function isTerminal(status: UnifiedStatus): boolean {
  return STATUSES[status].terminal
}
