import { Button, Text, View } from '@tarojs/components'
import { StatusIcon } from '../status-icon/StatusIcon'
import type { IconName, Tone } from '../status-icon/statusAppearance'
import './index.css'

export interface StateViewProps {
  icon: IconName
  tone: Tone
  title: string
  body?: string
  action?: { text: string; onClick(): void }
}

const classPrefix = 'ps-state-view'

/** Empty, not-yet and error states: an icon, a sentence, and what the shopper can do. */
export function StateView({ icon, tone, title, body, action }: StateViewProps) {
  return (
    <View className={classPrefix}>
      <StatusIcon icon={icon} tone={tone} />
      <Text className={`${classPrefix}__title`}>{title}</Text>
      {body && <Text className={`${classPrefix}__body`}>{body}</Text>}
      {action && (
        <Button className={`${classPrefix}__action`} onClick={action.onClick}>
          {action.text}
        </Button>
      )}
    </View>
  )
}
