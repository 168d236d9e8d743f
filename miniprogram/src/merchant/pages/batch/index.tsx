// 批量发货: paste or upload `orderId,trackingNo[,carrier[,phoneTail]]` lines, see every line checked
// (detected carrier, ambiguity, duplicates in the batch and on other orders) before anything is
// written, submit in chunks with real progress, then a per-line report to copy; failed lines go back
// into the box to fix and submit again, leaving the lines that went through alone.
import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { CarrierCode } from '@core/carriers/carrierRegistry'
import { failedLinesText, reportLines, type ReportLine } from '../../batch/batchReport'
import { MAX_BATCH_LINES, parseBatchLines, type BatchLine } from '../../batch/parseBatchLines'
import {
  lineWithCarrier,
  numbersToLookUp,
  previewBatch,
  type BatchPreview,
  type PreviewRow,
  type UsedNumber,
} from '../../batch/previewBatch'
import { submitInChunks } from '../../batch/submitInChunks'
import { BatchPreviewTable } from '../../components/batch-preview/BatchPreviewTable'
import { BatchReportView } from '../../components/batch-report/BatchReportView'
import { buttonClass } from '../../components/merchant-shell/buttonClass'
import { MerchantShell } from '../../components/merchant-shell/MerchantShell'
import { ProgressBar } from '../../components/progress-bar/ProgressBar'
import { LOOKUP_CHUNK, merchantApi } from '../../services/merchantApi'
import { readLinesFile } from '../../services/readLinesFile'
import { m } from '../../strings'
import './index.css'

type Phase =
  | { kind: 'edit' }
  | { kind: 'checking' }
  | { kind: 'preview'; preview: BatchPreview; used: UsedNumber[] }
  | { kind: 'submitting'; preview: BatchPreview; done: number; total: number }
  | { kind: 'report'; lines: ReportLine[] }

async function lookUp(lines: readonly BatchLine[]): Promise<UsedNumber[]> {
  const numbers = numbersToLookUp(lines)
  const used: UsedNumber[] = []
  for (let start = 0; start < numbers.length; start += LOOKUP_CHUNK) {
    const answer = await merchantApi.lookupNumbers(numbers.slice(start, start + LOOKUP_CHUNK))
    if (!answer.ok) throw new Error(answer.message)
    used.push(...answer.used)
  }
  return used
}

function BatchBody() {
  const [text, setText] = useState('')
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' })
  const [notice, setNotice] = useState<string | null>(null)
  const [onlyProblems, setOnlyProblems] = useState(false)

  async function check(source = text) {
    const parsed = parseBatchLines(source)
    if (!parsed.ok) {
      setNotice(parsed.reason === 'empty' ? m.batch.empty : m.batch.tooMany(MAX_BATCH_LINES))
      setPhase({ kind: 'edit' })
      return
    }
    setNotice(null)
    setPhase({ kind: 'checking' })
    try {
      const used = await lookUp(parsed.lines)
      setPhase({ kind: 'preview', preview: previewBatch(parsed.lines, used), used })
    } catch {
      setNotice(m.networkError)
      setPhase({ kind: 'edit' })
    }
  }

  function pick(row: PreviewRow, carrier: CarrierCode) {
    if (phase.kind !== 'preview') return
    const lines = text.split(/\r\n|\r|\n/)
    lines[row.lineNo - 1] = lineWithCarrier(row, carrier)
    const next = lines.join('\n')
    setText(next)
    const parsed = parseBatchLines(next)
    // The number did not change, so what lookupNumbers said about it still holds.
    if (parsed.ok) setPhase({ ...phase, preview: previewBatch(parsed.lines, phase.used) })
  }

  async function submit() {
    if (phase.kind !== 'preview' || phase.preview.entries.length === 0) return
    const { preview } = phase
    setPhase({ kind: 'submitting', preview, done: 0, total: preview.entries.length })
    const outcomes = await submitInChunks(preview.entries, merchantApi.backfill, (progress) =>
      setPhase({ kind: 'submitting', preview, done: progress.done, total: progress.total }),
    )
    setPhase({ kind: 'report', lines: reportLines(preview.rows, outcomes) })
  }

  async function upload() {
    const read = await readLinesFile()
    if (read.ok) {
      setText(read.text)
      check(read.text)
    } else if (read.reason !== 'cancelled') setNotice(read.reason === 'unsupported' ? m.batch.uploadUnsupported : m.batch.uploadFailed)
  }

  if (phase.kind === 'report') {
    return (
      <View className='mc-batch'>
        <View className='mc-card'>
          <Text className='mc-card__title'>{m.batch.resultTitle}</Text>
          <BatchReportView
            lines={phase.lines}
            onFixFailed={() => {
              const failed = failedLinesText(phase.lines)
              setText(failed)
              check(failed)
            }}
            onNewBatch={() => {
              setText('')
              setNotice(null)
              setPhase({ kind: 'edit' })
            }}
          />
        </View>
      </View>
    )
  }

  const busy = phase.kind === 'checking' || phase.kind === 'submitting'
  const preview = phase.kind === 'preview' || phase.kind === 'submitting' ? phase.preview : null
  const blocked = preview ? preview.counts.error + preview.counts.needs_carrier : 0
  return (
    <View className='mc-batch'>
      <View className='mc-card mc-batch__input'>
        <Text className='mc-card__title'>{m.batch.format}</Text>
        <Text className='mc-batch__hint mc-muted'>{m.batch.formatHint}</Text>
        <Textarea
          className='mc-batch__textarea mc-mono'
          value={text}
          placeholder={m.batch.placeholder}
          maxlength={-1}
          disabled={busy || undefined}
          data-field='lines'
          onInput={(event) => {
            setText(event.detail.value)
            if (phase.kind === 'preview') setPhase({ kind: 'edit' })
          }}
        />
        {notice && (
          <Text className='mc-batch__notice mc-tone--danger' data-notice='yes'>
            {notice}
          </Text>
        )}
        <View className='mc-batch__buttons'>
          <Button
            className={buttonClass('mc-button', busy)}
            data-action='preview'
            disabled={busy || undefined}
            onClick={() => {
              check()
            }}
          >
            {phase.kind === 'checking' ? m.batch.checking : m.batch.preview}
          </Button>
          <Button
            className={buttonClass('mc-button mc-button--ghost', busy)}
            data-action='upload'
            disabled={busy || undefined}
            onClick={() => {
              upload()
            }}
          >
            {m.batch.upload}
          </Button>
          <Button
            className={buttonClass('mc-button mc-button--plain', busy || text === '')}
            data-action='clear'
            disabled={busy || text === '' || undefined}
            onClick={() => {
              setText('')
              setNotice(null)
              setPhase({ kind: 'edit' })
            }}
          >
            {m.batch.clear}
          </Button>
        </View>
      </View>
      {preview && (
        <View className='mc-card mc-batch__preview'>
          <View className='mc-batch__preview-head'>
            <Text className='mc-batch__summary' data-summary='yes'>
              {m.batch.summary(preview.rows.length, preview.entries.length, blocked)}
            </Text>
            <Text className='mc-link mc-batch__toggle' onClick={() => setOnlyProblems(!onlyProblems)}>
              {onlyProblems ? m.batch.showAll : m.batch.showOnlyProblems}
            </Text>
          </View>
          {phase.kind === 'submitting' && (
            <ProgressBar done={phase.done} total={phase.total} label={m.batch.submitting(phase.done, phase.total)} />
          )}
          <BatchPreviewTable rows={preview.rows} onlyProblems={onlyProblems} onPick={pick} />
          <Button
            className={buttonClass('mc-button mc-button--block mc-batch__submit', busy || preview.entries.length === 0)}
            data-action='submit'
            disabled={busy || preview.entries.length === 0 || undefined}
            onClick={() => {
              submit()
            }}
          >
            {phase.kind === 'submitting' ? m.batch.submitting(phase.done, phase.total) : m.batch.submit(preview.entries.length)}
          </Button>
        </View>
      )}
    </View>
  )
}

export default function BatchPage() {
  return (
    <MerchantShell active='batch' title={m.nav.batch}>
      {() => <BatchBody />}
    </MerchantShell>
  )
}
