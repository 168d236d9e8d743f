import { View } from '@tarojs/components'
import './index.css'

const classPrefix = 'ps-skeleton'

/** The page's shape while the first read is in flight: nothing jumps when the data lands. */
export function TrackingSkeleton() {
  return (
    <View className={classPrefix} aria-busy='true'>
      <View className={`${classPrefix}__card`}>
        <View className={`${classPrefix}__row`}>
          <View className={`${classPrefix}__circle`} />
          <View className={`${classPrefix}__lines`}>
            <View className={`${classPrefix}__bar ${classPrefix}__bar--title`} />
            <View className={`${classPrefix}__bar ${classPrefix}__bar--short`} />
          </View>
        </View>
        <View className={`${classPrefix}__block`} />
      </View>
      <View className={`${classPrefix}__card`}>
        {[0, 1, 2, 3].map((index) => (
          <View key={index} className={`${classPrefix}__event`}>
            <View className={`${classPrefix}__dot`} />
            <View className={`${classPrefix}__lines`}>
              <View className={`${classPrefix}__bar`} />
              <View className={`${classPrefix}__bar ${classPrefix}__bar--short`} />
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
