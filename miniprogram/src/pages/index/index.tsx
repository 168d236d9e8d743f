import { View, Text } from '@tarojs/components'

export default function Index() {
  return (
    <View className='index'>
      <Text className='index__title'>小店</Text>
    </View>
  )
}
