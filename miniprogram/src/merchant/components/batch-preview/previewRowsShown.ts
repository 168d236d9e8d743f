// Which preview rows to draw. Every row with something to see is shown; clean rows fill up to a cap,
// because a page of thousands of rows breaks the weapp's rendering budget (reference/wechat.md §7:
// fewer than 1000 WXML nodes). The merchant needs the problems, not 2000 green ticks.
import type { PreviewRow } from '../../batch/previewBatch'

export const MAX_ROWS_SHOWN = 100

export function previewRowsShown(rows: readonly PreviewRow[], onlyProblems: boolean): { shown: PreviewRow[]; hiddenReady: number } {
  const needsEye = (row: PreviewRow) => row.state !== 'ready' || row.issues.length > 0
  const problems = rows.filter(needsEye).length
  let readyBudget = onlyProblems ? 0 : Math.max(0, MAX_ROWS_SHOWN - problems)
  const shown = rows.filter((row) => {
    if (needsEye(row)) return true
    if (readyBudget === 0) return false
    readyBudget -= 1
    return true
  })
  return { shown, hiddenReady: rows.length - shown.length }
}
