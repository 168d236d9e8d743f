// Submitting a batch in chunks (50 entries per backfillTracking call): progress is real, one call
// never approaches the function's 60 s timeout (server/README), and a failure mid-way loses
// nothing — lines already answered keep their results, and the lines of the failed call and of
// every call after it come back as `not_sent`, ready to submit again. Re-submitting a line that did
// go through is harmless: the server answers `unchanged`.
import type { BackfillEntry, BackfillEntryResult, BackfillTrackingResult } from '@core/api/backfill'

export const CHUNK_SIZE = 50

export type LineResult = BackfillEntryResult | { ok: false; reason: 'not_sent'; message: string }

export interface LineOutcome {
  lineNo: number
  entry: BackfillEntry
  result: LineResult
}

export interface SubmitProgress {
  done: number
  total: number
}

export type SendChunk = (entries: BackfillEntry[]) => Promise<BackfillTrackingResult>

export async function submitInChunks(
  lines: ReadonlyArray<{ lineNo: number; entry: BackfillEntry }>,
  send: SendChunk,
  onProgress: (progress: SubmitProgress) => void = () => undefined,
  chunkSize = CHUNK_SIZE,
): Promise<LineOutcome[]> {
  const outcomes: LineOutcome[] = []
  const total = lines.length
  let stoppedBecause: string | null = null
  for (let start = 0; start < total; start += chunkSize) {
    const chunk = lines.slice(start, start + chunkSize)
    if (stoppedBecause === null) {
      let answer: BackfillTrackingResult | null = null
      try {
        answer = await send(chunk.map((line) => line.entry))
      } catch (error) {
        stoppedBecause = error instanceof Error ? error.message : String(error)
      }
      if (answer && !answer.ok) stoppedBecause = `${answer.reason}: ${answer.message}`
      // One result per entry, in input order (core/api backfill); anything else is not trusted.
      else if (answer && answer.results.length !== chunk.length)
        stoppedBecause = `expected ${chunk.length} results, got ${answer.results.length}`
      else if (answer) {
        for (const [index, line] of chunk.entries()) {
          const result = answer.results[index]
          if (result) outcomes.push({ ...line, result })
        }
        onProgress({ done: outcomes.length, total })
        continue
      }
    }
    for (const line of chunk) outcomes.push({ ...line, result: { ok: false, reason: 'not_sent', message: stoppedBecause ?? 'not sent' } })
  }
  return outcomes
}
