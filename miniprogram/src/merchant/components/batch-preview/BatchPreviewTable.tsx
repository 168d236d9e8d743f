import { Text, View } from '@tarojs/components'
import { carrierInfo, type CarrierCode } from '@core/carriers/carrierRegistry'
import { issueText } from '../../batch/issueText'
import type { PreviewRow, RowState } from '../../batch/previewBatch'
import { m } from '../../strings'
import { previewRowsShown } from './previewRowsShown'
import './index.css'

export interface BatchPreviewTableProps {
  rows: readonly PreviewRow[]
  onlyProblems: boolean
  /** The merchant settles an ambiguous or unrecognised line by tapping a carrier. */
  onPick(row: PreviewRow, carrier: CarrierCode): void
}

const classPrefix = 'mc-batch-preview'
const STATE_TONE: Record<RowState, string> = {
  ready: 'success',
  warning: 'warning',
  needs_carrier: 'progress',
  error: 'danger',
  skipped: 'muted',
}
/** Offered when no candidate is known: the carriers most shops use, a tap away; others can be typed in the line. */
const COMMON: readonly CarrierCode[] = ['SF', 'ZTO', 'YTO', 'STO', 'YD', 'JTSD', 'EMS', 'JD']

export function BatchPreviewTable({ rows, onlyProblems, onPick }: BatchPreviewTableProps) {
  const { shown, hiddenReady } = previewRowsShown(rows, onlyProblems)
  return (
    <View className={classPrefix}>
      <View className={`${classPrefix}__head`}>
        <Text className={`${classPrefix}__cell ${classPrefix}__cell--line`}>{m.batch.columns.line}</Text>
        <Text className={`${classPrefix}__cell ${classPrefix}__cell--order`}>{m.batch.columns.orderId}</Text>
        <Text className={`${classPrefix}__cell ${classPrefix}__cell--number`}>{m.batch.columns.trackingNo}</Text>
        <Text className={`${classPrefix}__cell ${classPrefix}__cell--carrier`}>{m.batch.columns.carrier}</Text>
        <Text className={`${classPrefix}__cell ${classPrefix}__cell--result`}>{m.batch.columns.result}</Text>
      </View>
      {shown.map((row) => {
        const ambiguous = row.issues.find((issue) => issue.kind === 'ambiguous')
        const choices = row.state === 'needs_carrier' ? (ambiguous?.kind === 'ambiguous' ? ambiguous.candidates : COMMON) : []
        return (
          <View
            key={row.lineNo}
            className={`${classPrefix}__row ${classPrefix}__row--${row.state}`}
            data-line={row.lineNo}
            data-state={row.state}
          >
            <Text className={`${classPrefix}__cell ${classPrefix}__cell--line`}>{row.lineNo}</Text>
            <Text className={`${classPrefix}__cell ${classPrefix}__cell--order mc-mono`}>{row.orderId ?? row.raw}</Text>
            <Text className={`${classPrefix}__cell ${classPrefix}__cell--number mc-mono`}>{row.trackingNo}</Text>
            <Text className={`${classPrefix}__cell ${classPrefix}__cell--carrier`}>
              {row.carrier ? carrierInfo(row.carrier).names['zh-CN'] : '—'}
              {row.carrierSource === 'detected' && <Text className={`${classPrefix}__auto`}>自动</Text>}
            </Text>
            <View className={`${classPrefix}__cell ${classPrefix}__cell--result`}>
              <Text className={`mc-tag mc-tag--${STATE_TONE[row.state]}`}>{m.batch.state[row.state]}</Text>
              {row.issues.map((issue, index) => (
                <Text key={index} className={`${classPrefix}__issue`} data-issue={issue.kind}>
                  {issueText(issue)}
                </Text>
              ))}
              {choices.length > 0 && (
                <View className={`${classPrefix}__choices`}>
                  <Text className='mc-muted'>{m.batch.pickFor}</Text>
                  {choices.map((code) => (
                    <Text key={code} className={`${classPrefix}__choice`} data-carrier={code} onClick={() => onPick(row, code)}>
                      {carrierInfo(code).names['zh-CN']}
                    </Text>
                  ))}
                </View>
              )}
            </View>
          </View>
        )
      })}
      {hiddenReady > 0 && <Text className={`${classPrefix}__more`}>{m.batch.morePreviewRows(hiddenReady)}</Text>}
    </View>
  )
}
