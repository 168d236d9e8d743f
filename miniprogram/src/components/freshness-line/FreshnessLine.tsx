import { Text, View } from '@tarojs/components'
import type { FreshnessView } from './freshnessView'
import './index.css'

export interface FreshnessLineProps {
  view: FreshnessView
  /** Offered while the live connection is broken. */
  onReconnect?: () => void
  reconnectText: string
}

const classPrefix = 'ps-freshness'

export function FreshnessLine({ view, onReconnect, reconnectText }: FreshnessLineProps) {
  return (
    <View className={classPrefix}>
      <View className={`${classPrefix}__live ${classPrefix}__live--${view.live.tone}`}>
        <View className={`${classPrefix}__pulse`} />
        <Text className={`${classPrefix}__live-text`}>{view.live.text}</Text>
        {view.live.tone === 'broken' && onReconnect && (
          <Text className={`${classPrefix}__reconnect`} onClick={onReconnect}>
            {reconnectText}
          </Text>
        )}
      </View>
      <Text className={`${classPrefix}__facts`}>{[view.lastScan, view.lastChecked].filter(Boolean).join(' · ')}</Text>
    </View>
  )
}
