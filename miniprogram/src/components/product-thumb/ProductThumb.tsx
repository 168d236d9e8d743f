import { Text, View } from '@tarojs/components'
import './index.css'

export interface ProductThumbProps {
  productId: string
  title: string
  size: 'small' | 'medium' | 'large'
}

const classPrefix = 'ps-product-thumb'
/** Soft backgrounds a product tile picks from by its id, so the same product always looks the same. */
const PALETTE = ['#f6e7d8', '#e3efe4', '#e4ecf7', '#f4e3ec', '#efe9dc', '#e6e4f4', '#dff0ee', '#f7e9e1']

function paletteIndex(productId: string): number {
  let hash = 0
  for (const char of productId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return hash % PALETTE.length
}

/** A product tile: the catalogue's photos are not shipped in the package (size budget), so the
 * tile shows the product's first character on a colour of its own. */
export function ProductThumb({ productId, title, size }: ProductThumbProps) {
  return (
    <View className={`${classPrefix} ${classPrefix}--${size}`} style={{ backgroundColor: PALETTE[paletteIndex(productId)] }}>
      <Text className={`${classPrefix}__glyph`}>{title.slice(0, 1)}</Text>
    </View>
  )
}
