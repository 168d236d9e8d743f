// After a batch: one result per pasted line — written, already there, refused (with why), or not
// sent — as a tab-separated report the merchant copies into a spreadsheet or a chat, and the failed
// lines as text to fix and submit again without touching the lines that went through.
import { carrierInfo, isCarrierCode } from '@core/carriers/carrierRegistry'
import { m, textFor } from '../strings'
import { issueText } from './issueText'
import { blockingIssue, type PreviewRow } from './previewBatch'
import type { LineOutcome, LineResult } from './submitInChunks'

/** `skipped`: a repeat of an earlier line of the batch, which carried it. */
export type LineVerdict = 'created' | 'unchanged' | 'replaced' | 'failed' | 'not_submitted' | 'skipped'

export interface ReportLine {
  lineNo: number
  raw: string
  orderId: string
  trackingNo: string
  carrierName: string
  verdict: LineVerdict
  text: string
}

const OUTCOME_TEXT = { created: '新录入', unchanged: '已录入过，未变化', replaced: '已更正' } as const

const carrierName = (code: string | null | undefined) => (code && isCarrierCode(code) ? carrierInfo(code).names['zh-CN'] : '')

/** A refusal in the merchant's words, with what it names (the candidates, the other order). */
export function failureText(result: Extract<LineResult, { ok: false }>): string {
  const base = textFor(m.failures, result.reason) ?? result.message
  if ('candidates' in result && result.candidates?.length) return `${base}（${result.candidates.map(carrierName).join(' / ')}）`
  if ('otherOrderId' in result && result.otherOrderId) return `${base}（订单 ${result.otherOrderId}）`
  return base
}

export function reportLines(rows: readonly PreviewRow[], outcomes: readonly LineOutcome[]): ReportLine[] {
  const byLine = new Map(outcomes.map((outcome) => [outcome.lineNo, outcome]))
  return rows.map((row): ReportLine => {
    const outcome = byLine.get(row.lineNo)
    const base = { lineNo: row.lineNo, raw: row.raw, orderId: row.orderId ?? '', trackingNo: row.trackingNo }
    if (!outcome) {
      const repeatOf = row.issues.find((issue) => issue.kind === 'repeated_line')
      if (repeatOf)
        return { ...base, carrierName: carrierName(row.carrier), verdict: 'skipped', text: `与第 ${repeatOf.firstLine} 行重复，已合并` }
      const blocking = blockingIssue(row)
      return {
        ...base,
        carrierName: carrierName(row.carrier),
        verdict: 'not_submitted',
        text: blocking ? `未提交：${issueText(blocking)}` : '未提交',
      }
    }
    const { result } = outcome
    if (result.ok)
      return {
        ...base,
        trackingNo: result.trackingNo,
        carrierName: carrierName(result.carrier),
        verdict: result.outcome,
        text: OUTCOME_TEXT[result.outcome],
      }
    return { ...base, carrierName: carrierName(outcome.entry.carrier), verdict: 'failed', text: failureText(result) }
  })
}

const SUCCESS: ReadonlySet<LineVerdict> = new Set(['created', 'unchanged', 'replaced'])
const FAILURE: ReadonlySet<LineVerdict> = new Set(['failed', 'not_submitted'])

export function reportSummary(lines: readonly ReportLine[]) {
  const count = (verdicts: ReadonlySet<LineVerdict>) => lines.filter((line) => verdicts.has(line.verdict)).length
  const only = (verdict: LineVerdict) => count(new Set([verdict]))
  return {
    ok: count(SUCCESS),
    failed: count(FAILURE),
    skipped: only('skipped'),
    created: only('created'),
    unchanged: only('unchanged'),
    replaced: only('replaced'),
  }
}

const RESULT_CELL: Record<LineVerdict, string> = {
  created: '成功',
  unchanged: '成功',
  replaced: '成功',
  failed: '失败',
  not_submitted: '失败',
  skipped: '跳过',
}

/** Tab-separated, one row per pasted line, so it pastes straight into a spreadsheet. */
export function reportText(lines: readonly ReportLine[]): string {
  const summary = reportSummary(lines)
  const cell = (text: string) => text.replace(/[\t\r\n]+/g, ' ')
  return [
    `批量发货结果：共 ${lines.length} 行，成功 ${summary.ok} 行（新录入 ${summary.created}，已录入过 ${summary.unchanged}），失败 ${summary.failed} 行${summary.skipped ? `，重复跳过 ${summary.skipped} 行` : ''}`,
    ['行号', '订单号', '运单号', '快递公司', '结果', '说明'].join('\t'),
    ...lines.map((line) =>
      [String(line.lineNo), line.orderId, line.trackingNo, line.carrierName, RESULT_CELL[line.verdict], line.text].map(cell).join('\t'),
    ),
  ].join('\n')
}

/** The lines that did not go through, as the merchant wrote them, to fix and submit again. */
export function failedLinesText(lines: readonly ReportLine[]): string {
  return lines
    .filter((line) => FAILURE.has(line.verdict))
    .map((line) => line.raw)
    .join('\n')
}
