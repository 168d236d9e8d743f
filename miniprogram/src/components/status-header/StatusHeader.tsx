import { Text, View } from '@tarojs/components'
import { StatusIcon } from '../status-icon/StatusIcon'
import type { StatusHeaderView } from './statusHeaderView'
import './index.css'

export interface StatusHeaderProps {
  view: StatusHeaderView
}

const classPrefix = 'ps-status-header'

export function StatusHeader({ view }: StatusHeaderProps) {
  return (
    <View className={`${classPrefix} ${classPrefix}--${view.tone}`}>
      <View className={`${classPrefix}__top`}>
        <StatusIcon icon={view.icon} tone={view.tone} />
        <View className={`${classPrefix}__headline`}>
          <View className={`${classPrefix}__title-row`}>
            <Text className={`${classPrefix}__title`}>{view.title}</Text>
            {view.detail && <Text className={`${classPrefix}__detail`}>{view.detail}</Text>}
          </View>
          {(view.eta || view.updated) && (
            <View className={`${classPrefix}__meta`}>
              {view.eta && <Text className={`${classPrefix}__eta`}>{view.eta}</Text>}
              {view.updated && <Text className={`${classPrefix}__updated`}>{view.updated}</Text>}
            </View>
          )}
        </View>
      </View>
      {view.latestText && (
        <View className={`${classPrefix}__latest`}>
          <Text className={`${classPrefix}__latest-text`}>{view.latestText}</Text>
          {view.latestTime && <Text className={`${classPrefix}__latest-time`}>{view.latestTime}</Text>}
        </View>
      )}
    </View>
  )
}
