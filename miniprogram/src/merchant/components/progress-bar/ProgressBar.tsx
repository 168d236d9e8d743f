import { Text, View } from '@tarojs/components'
import './index.css'

export interface ProgressBarProps {
  done: number
  total: number
  label: string
}

const classPrefix = 'mc-progress'

/** A plain bar: its width is the share of lines the server has answered, so it never runs ahead. */
export function ProgressBar({ done, total, label }: ProgressBarProps) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100)
  return (
    <View className={classPrefix} data-done={done} data-total={total}>
      <View className={`${classPrefix}__track`}>
        <View className={`${classPrefix}__fill`} style={{ width: `${percent}%` }} />
      </View>
      <Text className={`${classPrefix}__label`}>{label}</Text>
    </View>
  )
}
