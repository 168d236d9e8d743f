import type { UnifiedStatus } from '../statuses'
import type { SubStatus } from '../subStatuses'

/** One row of a vendor → unified mapping table; `meaning` is the vendor's own wording. */
export interface StatusMappingRow {
  code: string
  meaning: string
  status: UnifiedStatus
  subStatus?: SubStatus
}
