import { View } from '@tarojs/components'
import type { IconName, Tone } from './statusAppearance'
import './index.css'

export interface StatusIconProps {
  icon: IconName
  tone: Tone
  size?: 'small' | 'large'
}

const classPrefix = 'ps-status-icon'

/** A round badge with a line icon; the glyphs are CSS masks (index.css), so no image files ship. */
export function StatusIcon({ icon, tone, size = 'large' }: StatusIconProps) {
  return (
    <View className={`${classPrefix} ${classPrefix}--${tone} ${classPrefix}--${size}`} data-icon={icon}>
      <View className={`${classPrefix}__glyph ${classPrefix}__glyph--${icon}`} />
    </View>
  )
}
