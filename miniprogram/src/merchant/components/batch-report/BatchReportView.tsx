import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { reportSummary, reportText, type LineVerdict, type ReportLine } from '../../batch/batchReport'
import { m } from '../../strings'
import './index.css'

export interface BatchReportViewProps {
  lines: readonly ReportLine[]
  onFixFailed(): void
  onNewBatch(): void
}

const classPrefix = 'mc-batch-report'
const VERDICT_TONE: Record<LineVerdict, string> = {
  created: 'success',
  unchanged: 'progress',
  replaced: 'success',
  failed: 'danger',
  not_submitted: 'danger',
  skipped: 'muted',
}
const VERDICT_TEXT: Record<LineVerdict, string> = {
  created: '成功',
  unchanged: '成功',
  replaced: '成功',
  failed: '失败',
  not_submitted: '未提交',
  skipped: '跳过',
}

/** The per-line result of a submitted batch, copyable, with the way back for the lines that failed. */
export function BatchReportView({ lines, onFixFailed, onNewBatch }: BatchReportViewProps) {
  const summary = reportSummary(lines)
  // Failures first: they are what the merchant acts on; the successes are the record.
  const ordered = [...lines].sort(
    (a, b) => Number(VERDICT_TONE[b.verdict] === 'danger') - Number(VERDICT_TONE[a.verdict] === 'danger') || a.lineNo - b.lineNo,
  )
  return (
    <View className={classPrefix}>
      <View className={`${classPrefix}__summary`}>
        <View className={`${classPrefix}__figure ${classPrefix}__figure--ok`}>
          <Text className={`${classPrefix}__number`}>{summary.ok}</Text>
          <Text>成功</Text>
        </View>
        <View className={`${classPrefix}__figure ${classPrefix}__figure--failed`}>
          <Text className={`${classPrefix}__number`}>{summary.failed}</Text>
          <Text>失败</Text>
        </View>
        {summary.skipped > 0 && (
          <View className={`${classPrefix}__figure`}>
            <Text className={`${classPrefix}__number`}>{summary.skipped}</Text>
            <Text>重复跳过</Text>
          </View>
        )}
        <View className={`${classPrefix}__buttons`}>
          <Button
            className='mc-button mc-button--ghost mc-button--small'
            data-action='copy-report'
            onClick={() => {
              Taro.setClipboardData({ data: reportText(lines) })
            }}
          >
            {m.batch.copyReport}
          </Button>
          {summary.failed > 0 && (
            <Button className='mc-button mc-button--small' data-action='fix-failed' onClick={onFixFailed}>
              {m.batch.fixFailed}
            </Button>
          )}
          <Button className='mc-button mc-button--plain mc-button--small' data-action='new-batch' onClick={onNewBatch}>
            {m.batch.newBatch}
          </Button>
        </View>
      </View>
      <View className={`${classPrefix}__list`}>
        {ordered.slice(0, 200).map((line) => (
          <View key={line.lineNo} className={`${classPrefix}__row`} data-line={line.lineNo} data-verdict={line.verdict}>
            <Text className={`${classPrefix}__line`}>{line.lineNo}</Text>
            <Text className={`mc-tag mc-tag--${VERDICT_TONE[line.verdict]}`}>{VERDICT_TEXT[line.verdict]}</Text>
            <Text className={`${classPrefix}__order mc-mono`}>{line.orderId}</Text>
            <Text className={`${classPrefix}__number-text mc-mono`}>{line.trackingNo}</Text>
            <Text className={`${classPrefix}__carrier`}>{line.carrierName}</Text>
            <Text className={`${classPrefix}__text`}>{line.text}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
