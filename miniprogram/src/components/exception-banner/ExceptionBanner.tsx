import { Text, View } from '@tarojs/components'
import type { ExceptionAdvice } from './exceptionAdvice'
import './index.css'

export interface ExceptionBannerProps {
  advice: ExceptionAdvice
}

const classPrefix = 'ps-exception-banner'

export function ExceptionBanner({ advice }: ExceptionBannerProps) {
  return (
    <View className={`${classPrefix} ${classPrefix}--${advice.tone}`} data-kind={advice.kind}>
      <View className={`${classPrefix}__mark`}>!</View>
      <View className={`${classPrefix}__content`}>
        <Text className={`${classPrefix}__title`}>{advice.title}</Text>
        <Text className={`${classPrefix}__body`}>{advice.body}</Text>
      </View>
    </View>
  )
}
