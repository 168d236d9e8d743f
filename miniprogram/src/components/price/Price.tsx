import { Text, View } from '@tarojs/components'
import { yuanParts } from '../../format/money'
import './index.css'

export interface PriceProps {
  fen: number
  size?: 'small' | 'medium' | 'large'
  muted?: boolean
}

const classPrefix = 'ps-price'

export function Price({ fen, size = 'medium', muted = false }: PriceProps) {
  const parts = yuanParts(fen)
  return (
    <View className={`${classPrefix} ${classPrefix}--${size}${muted ? ` ${classPrefix}--muted` : ''}`}>
      <Text className={`${classPrefix}__symbol`}>{parts.symbol}</Text>
      <Text className={`${classPrefix}__integer`}>{parts.integer}</Text>
      <Text className={`${classPrefix}__decimals`}>{parts.decimals}</Text>
    </View>
  )
}
